// Fails fast, with a way forward, when the browser tests would have no browser to drive.
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);

if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but there is no file there.`);
  process.exit(1);
}
if (!candidates.some((path) => existsSync(path))) {
  console.error(
    [
      'npm test runs browser tests and found no Chromium or Chrome.',
      'Install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: install Google Chrome),',
      'or point CHROMIUM_PATH at a Chromium/Chrome executable: CHROMIUM_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
  process.exit(1);
}
