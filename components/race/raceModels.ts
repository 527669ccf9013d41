/** The two racers as the race cell draws them: key (`data-model`), label, colour and dash, the LSTM first. */
export const RACE_MODELS = [
  { key: 'lstm', label: 'LSTM', color: 'var(--c1)', dash: undefined },
  { key: 'rnn', label: 'tanh RNN', color: 'var(--c2)', dash: '6 3' },
] as const;
