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
    // a good key beside the bad one (another key than the bad one: a repeated key is a case of its own)
    const [good, value] = key === 'objective' ? (['wX', -1] as const) : (['objective', 'every-step'] as const);
    const { state, notices } = decodeQuery(`${query}&${good}=${value}`, page, siteDefaults);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`"${key}"`);
    expect(state[key as keyof typeof state]).toEqual(siteDefaults[key as keyof typeof siteDefaults]);
    // the good key beside the bad one still applies
    expect(state[good]).toBe(value);
  });

  it('quotes a hostile value back as clipped text, never as markup', () => {
    const { notices } = decodeQuery(`?wRec=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, page, siteDefaults);
    expect(notices[0]).toContain('"<img src=x onerror=alert…"');
  });

  it.each([
    // a hexadecimal, binary or octal prefix
    ['?wRec=0x10', '0x10'],
    ['?wRec=0b1', '0b1'],
    ['?wRec=0o7', '0o7'],
    // a comma for the point
    ['?wRec=1,5', '1,5'],
    // no digit before the point
    ['?wRec=.5', '.5'],
    // spaces around the number (`+` is a space in a query string)
    ['?wRec=+1+', ' 1 '],
    ['?wRec=%201', ' 1'],
    // words Number reads
    ['?wRec=Infinity', 'Infinity'],
    ['?wRec=NaN', 'NaN'],
  ])('refuses %s: only decimal notation is read, and the notice quotes the text', (query, text) => {
    const { state, notices } = decodeQuery(query, page, siteDefaults);
    expect(state.wRec).toBe(siteDefaults.wRec);
    expect(notices).toEqual([`The link's "wRec" was ignored (must be a decimal number such as 0.5, -2 or 1e-3, got "${text}"); the default is used instead.`]);
  });

  it.each([
    // a learning rate, a momentum, a clipping threshold and a penalty written as subnormals
    ['lr', '1e-320'],
    ['beta', '1e-320'],
    ['clip', '4.9e-324'],
    ['lambda', '1e-310'],
  ] as const)('refuses a subnormal %s (%s) with a notice saying it is too small', (key, text) => {
    const { state, notices } = decodeQuery(`?${key}=${text}`, page, siteDefaults);
    expect(state[key]).toBe(siteDefaults[key]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`"${key}" was ignored (is too small`);
    expect(notices[0]).toContain(`got "${text}"`);
  });

  it('reads the first of a repeated key and says which value it used', () => {
    const { state, notices } = decodeQuery('?wX=0.25&wX=2', page, siteDefaults);
    expect(state.wX).toBe(0.25);
    expect(notices).toEqual(['The link gives "wX" 2 values ("0.25", "2"); the first, "0.25", is used.']);
  });

  it('reads the first of a repeated key even when it is bad, and says so beside the refusal', () => {
    const { state, notices } = decodeQuery('?wX=abc&wX=2&wX=3', page, siteDefaults);
    expect(state.wX).toBe(siteDefaults.wX);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toBe('The link gives "wX" 3 values ("abc", "2", "3"); only the first, "abc", is read.');
    expect(notices[1]).toMatch(/^The link's "wX" was ignored \(must be a decimal number .*"abc"\); the default is used instead\.$/);
  });

  it('counts a key and its older name together as a repeat', () => {
    const older = buildPageNotebook(['x', 'bpttStep']);
    const { state, notices } = decodeQuery('?bpttStep=2&step=5', older, older.defaults as typeof siteDefaults);
    expect(state.bpttStep).toBe(2);
    expect(notices).toEqual(['The link gives "bpttStep" 2 values ("2", "5"); the first, "2", is used.']);
  });

  it('names the keys it does not know, once each, and reads the rest', () => {
    const { state, notices } = decodeQuery('?utm_source=mail&wRec=0.5&bogus=1&bogus=2', page, siteDefaults);
    expect(state.wRec).toBe(0.5);
    expect(notices).toEqual(['The link\'s "utm_source" and "bogus" are not settings of this page: they were left out of the address.']);
  });

  it('names one unknown key alone, and another page\'s key as unknown here', () => {
    const small = buildPageNotebook(['x', 'wRec']);
    const { notices } = decodeQuery('?lambda=3', small, small.defaults as typeof siteDefaults);
    expect(notices).toEqual(['The link\'s "lambda" is not a setting of this page: it was left out of the address.']);
  });

  it('does not call an older name of a key unknown', () => {
    const older = buildPageNotebook(['x', 'bpttStep']);
    const { state, notices } = decodeQuery('?step=3', older, older.defaults as typeof siteDefaults);
    expect(state.bpttStep).toBe(3);
    expect(notices).toEqual([]);
  });

  it('quotes an unknown key as clipped text, never as markup', () => {
    const { notices } = decodeQuery(`?${encodeURIComponent('<img src=x onerror=alert(1)>')}=1`, page, siteDefaults);
    expect(notices).toEqual(['The link\'s "<img src=x onerror=alert…" is not a setting of this page: it was left out of the address.']);
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
