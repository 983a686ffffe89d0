import { describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { findChromium } from './browser.js';

describe('findChromium(env, systemPath)', () => {
  it('uses CHROMIUM_PATH when it names a file, and refuses one that does not exist', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath }, '/nonexistent/chromium')).toMatchObject({
      executable: process.execPath,
      source: 'CHROMIUM_PATH',
    });
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(/CHROMIUM_PATH .*does not exist/);
  });

  it('prefers the system Chromium when it is installed', () => {
    expect(findChromium({}, process.execPath)).toMatchObject({ executable: process.execPath, source: 'system' });
  });

  it('without a system Chromium, unpacks the one shipped in the npm package to an executable file', () => {
    const choice = findChromium({}, '/nonexistent/chromium');
    expect(choice.source).toBe('package');
    expect(existsSync(choice.executable)).toBe(true);
    expect(statSync(choice.executable).mode & 0o100).toBe(0o100);
    expect(existsSync(choice.env.FONTCONFIG_FILE)).toBe(true);
  });
});
