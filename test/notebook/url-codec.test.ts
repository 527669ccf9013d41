import { describe, expect, it } from 'vitest';
import { buildPageNotebook } from '~/site/page-notebook.ts';
import { PARAM_KEYS } from '~/notebook/params.ts';
import { decodeQuery, encodeQuery } from '~/notebook/url-codec.ts';

/** A page whose cells read every parameter but the backward stepper's (so `step` is the forward stepper's own). */
const page = buildPageNotebook(PARAM_KEYS.filter((key) => key !== 'bpttStep'));
const siteDefaults = page.defaults as Required<typeof page.defaults>;

describe('decodeQuery over the notebook schema', () => {
  it('reads every valid key and keeps defaults for the rest', () => {
    const { state, notices } = decodeQuery('?wRec=0.5&wX=1&x=011000010011&objective=every-step&step=3', page, siteDefaults);
    expect(notices).toEqual([]);
    expect(state).toEqual({ ...siteDefaults, wRec: 0.5, wX: 1, x: [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1], objective: 'every-step', step: 3 });
  });

  it.each([
    // non-numeric weight
    ['?wRec=abc', 'wRec'],
    // empty weight
    ['?wRec=', 'wRec'],
    // out of range
    ['?wX=99', 'wX'],
    // letters in the sequence
    ['?x=01b', 'x'],
    // empty sequence
    ['?x=', 'x'],
    // too long a sequence
    [`?x=${'1'.repeat(1001)}`, 'x'],
    // unknown objective
    ['?objective=sum', 'objective'],
    // a step that is no whole number
    ['?step=2.5', 'step'],
  ])('ignores %s key by key with a notice naming %s', (query, key) => {
    const { state, notices } = decodeQuery(`${query}&objective=every-step`, page, siteDefaults);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`"${key}"`);
    expect(state[key as keyof typeof state]).toEqual(siteDefaults[key as keyof typeof siteDefaults]);
    // the good key beside the bad one still applies
    expect(state.objective).toBe(key === 'objective' ? siteDefaults.objective : 'every-step');
  });

  it('quotes a hostile value back as clipped text, never as markup', () => {
    const { notices } = decodeQuery(`?wRec=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, page, siteDefaults);
    expect(notices[0]).toContain('"<img src=x onerror=alert…"');
  });

  it('ignores keys it does not know', () => {
    expect(decodeQuery('?utm_source=mail', page, siteDefaults).notices).toEqual([]);
  });
});

describe('encodeQuery', () => {
  it('writes only the keys that differ from the defaults, and round-trips', () => {
    const state = { ...siteDefaults, wRec: 0.9, x: [1, 0, 1] };
    const query = encodeQuery(state, page, siteDefaults);
    expect(query).toBe('?x=101&wRec=0.9');
    expect(decodeQuery(query, page, siteDefaults).state).toEqual(state);
  });
  it('writes nothing at the defaults', () => {
    expect(encodeQuery(siteDefaults, page, siteDefaults)).toBe('');
  });
});
