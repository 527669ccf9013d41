import type { Param } from '~/notebook/param.ts';

/** What a label needs of a parameter's declaration. */
type Labelled = Pick<Param<unknown>, 'label' | 'symbol'>;

/** A parameter's symbol as markup: w<sub>rec</sub>. */
export function ParamSymbol({ param }: { param: Labelled }) {
  const { base, sub } = param.symbol;
  return (
    <>
      {base}
      {sub && <sub>{sub}</sub>}
    </>
  );
}

/** A parameter's visible label: its words, then its symbol ("learning rate η", "w_rec"). */
export function ParamLabel({ param }: { param: Labelled }) {
  return (
    <>
      {param.label}
      {param.label && param.symbol.base && ' '}
      <ParamSymbol param={param} />
    </>
  );
}
