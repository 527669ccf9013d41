/** The largest number of epochs the reader can ask for. */
export const MAX_EPOCHS = 1000;

/** Reads the epochs field: a whole number from 1 to MAX_EPOCHS, or the message saying why the text is refused. */
export function readEpochs(text: string): number | string {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > MAX_EPOCHS) {
    return `Epochs must be a whole number from 1 to ${MAX_EPOCHS}, got “${text}”.`;
  }
  return value;
}
