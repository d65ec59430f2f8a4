import { en } from './en';
import { fr } from './fr';

describe('the console’s own catalogue', () => {
  it('names no form field and no choice: their words are the kit’s and the kinds’, from GET /console/labels.json', () => {
    for (const catalog of [fr, en]) {
      expect(Object.keys(catalog).filter((key) => key.startsWith('field.') || key.startsWith('option.'))).toEqual([]);
    }
  });
});
