import type { ComponentChildren } from 'preact';
import type { Reads } from '~/notebook/notebook.ts';
import type { Param } from '~/notebook/param.ts';
import type { NotebookState, ParamKey } from '~/notebook/params.ts';
import { bind, type Binding } from './bind.ts';
import { ParamField } from './ParamField.tsx';
import { ParamSlider } from './ParamSlider.tsx';

interface Props<K extends ParamKey> {
  notebook: Reads<K>;
  /** The parameters to show controls for, in order; each gets the control its declaration asks for (a slider or a field). */
  params: readonly Param<NotebookState[K], K>[];
  /** Controls of the cell's own, shown after them. */
  children?: ComponentChildren;
}

/**
 * A cell's row of controls, each built from its parameter's declaration: a slider or a text field. The objective's
 * choice (its options carry their formulas) is a child: `<ObjectiveChoice {...bind(notebook, modelParams.objective)} />`.
 */
export function Controls<K extends ParamKey>({ notebook, params, children }: Props<K>) {
  return (
    <div class="controls">
      {params.map((param) => {
        const key = param.key;
        const binding = bind(notebook, param);
        if (binding.param.control === 'choice') throw new Error(`Controls shows sliders and fields; give "${key}" its own choice control`);
        if (binding.param.control === 'slider') {
          return <ParamSlider key={key} {...(binding as unknown as Binding<number>)} />;
        }
        return <ParamField key={key} {...(binding as unknown as Binding<number | number[]>)} />;
      })}
      {children}
    </div>
  );
}
