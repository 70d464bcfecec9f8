import { describe, expect, it } from 'vitest';
import { describeAppError, isChunkLoadError } from './errorMessage';

describe('describeAppError', () => {
  it('recognises a page whose code could not be fetched, as each browser words it', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: http://127.0.0.1:4173/assets/CompareRoute-abc.js',
      'error loading dynamically imported module: http://127.0.0.1:4173/assets/CompareRoute-abc.js',
      'Importing a module script failed.',
      'Unable to preload CSS for /assets/AuditView-abc.css',
    ]) {
      expect(isChunkLoadError(message)).toBe(true);
      expect(describeAppError(new TypeError(message)).title).toBe('This part of the app could not be loaded');
    }
  });

  it('calls any other error a fault of the app, with its message and never its stack', () => {
    const error = new Error('Cannot read properties of undefined (reading "kind")');
    const described = describeAppError(error);
    expect(described.title).toBe('Something went wrong while showing this view');
    expect(described.explanation).toContain('Reload');
    expect(described.detail).toBe('Cannot read properties of undefined (reading "kind")');
    expect(Object.values(described).join('\n')).not.toContain(' at ');
  });

  it('shortens a long message and shows hidden characters in it', () => {
    const described = describeAppError(new Error(`evil\u202Etxt.exe ${'x'.repeat(1000)}`));
    expect(described.detail?.length).toBeLessThan(340);
    expect(described.detail?.endsWith('…')).toBe(true);
    expect(described.detail).toContain('⟦U+202E⟧');
  });

  it('copes with a thrown value that is not an Error', () => {
    expect(describeAppError('plain text').detail).toBe('plain text');
    expect(describeAppError(undefined).detail).toBeNull();
    expect(describeAppError({ reason: 42 }).detail).toBeNull();
  });
});
