import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The browser for end-to-end runs: $CHROMIUM_PATH, else Debian's chromium on the PATH, else the
 * browser Playwright installed itself. Never skips: with none found the run fails and says how to fix it.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, which('chromium'), which('chromium-browser')];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return undefined; // Playwright finds its own browser
  } catch {
    // fall through to the error below
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one of:\n' +
      '  apt-get update && apt-get install -y chromium   (Debian; or set CHROMIUM_PATH)\n' +
      '  npx playwright install chromium                 (Playwright’s own browser)',
  );
}

function which(command: string): string | undefined {
  try {
    return execFileSync('which', [command], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
