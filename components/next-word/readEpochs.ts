import { clip, readDecimal } from '~/notebook/fields.ts';

/** The largest number of epochs the reader can ask for. */
export const MAX_EPOCHS = 1000;

/**
 * Reads the epochs field in the decimal grammar every numeric field reads (readDecimal): a whole number from 1 to
 * MAX_EPOCHS, or the message saying why the text is refused.
 */
export function readEpochs(text: string): number | string {
  let value: number;
  try {
    value = readDecimal(text);
  } catch (error) {
    return `Epochs ${(error as Error).message}.`;
  }
  if (!Number.isInteger(value) || value < 1 || value > MAX_EPOCHS) {
    return `Epochs must be a whole number from 1 to ${MAX_EPOCHS}, got “${clip(text)}”.`;
  }
  return value;
}
