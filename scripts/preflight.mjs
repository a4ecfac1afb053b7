// Before `npm test`: the Debian packages the suite drives for real (Chromium, a CUPS scheduler the
// tests start themselves, Poppler, pcscd with vpcd). A missing one is one line saying what to install, not a
// failing test minutes later. `.ci/run` installs them.
import { existsSync } from 'node:fs';

const NEEDS = {
  chromium: ['/usr/bin/chromium'],
  cups: ['/usr/sbin/cupsd', '/usr/sbin/lpadmin'],
  'cups-client': ['/usr/bin/lp', '/usr/bin/lpstat'],
  'poppler-utils': ['/usr/bin/pdftotext', '/usr/bin/pdftoppm'],
  // The chip tests: pcscd (started by them when not running) with vpcd's virtual readers.
  pcscd: ['/usr/sbin/pcscd'],
  'vsmartcard-vpcd': ['/etc/reader.conf.d/vpcd'],
  ...(process.argv.includes('--shifted') ? { faketime: ['/usr/bin/faketime'] } : {}),
};

const missing = Object.entries(NEEDS)
  .filter(([, files]) => files.some((file) => !existsSync(file)))
  .map(([pkg]) => pkg);
if (missing.length) {
  console.error(`The tests need Debian packages that are missing: sudo apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}
