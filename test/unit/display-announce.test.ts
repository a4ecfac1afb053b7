import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { announcement, spokenTicket, vietnameseNumber } from '../../renderer/display/announce';

describe('the announcement of a call', () => {
  it.each([
    ['A015', '3', 'Mời số A015 đến quầy số 3', 'Mời số a, không, một, năm, đến quầy số ba'],
    ['A001', '1', 'Mời số A001 đến quầy số 1', 'Mời số a, không, không, một, đến quầy số một'],
    ['B120', '10', 'Mời số B120 đến quầy số 10', 'Mời số bê, một, hai, không, đến quầy số mười'],
    ['C999', '15', 'Mời số C999 đến quầy số 15', 'Mời số xê, chín, chín, chín, đến quầy số mười lăm'],
    ['D1000', '21', 'Mời số D1000 đến quầy số 21', 'Mời số đê, một, không, không, không, đến quầy số hai mươi mốt'],
    // A kiosk's reserved block, issued while the hub was away.
    ['K2-017', '24', 'Mời số K2-017 đến quầy số 24', 'Mời số ca, hai, gạch, không, một, bảy, đến quầy số hai mươi tư'],
  ])('%s at counter %s', (number, counter, text, spoken) => {
    expect(announcement(number, counter)).toEqual({ text, en: `Number ${number}, please go to counter ${counter}`, spoken });
  });

  it('reads counter numbers as Vietnamese speaks them', () => {
    expect([5, 10, 11, 14, 15, 20, 25, 31, 44, 55, 90, 100, 101, 105, 110, 115, 999].map(vietnameseNumber)).toEqual([
      'năm',
      'mười',
      'mười một',
      'mười bốn',
      'mười lăm',
      'hai mươi',
      'hai mươi lăm',
      'ba mươi mốt',
      'bốn mươi tư',
      'năm mươi lăm',
      'chín mươi',
      'một trăm',
      'một trăm linh một',
      'một trăm linh năm',
      'một trăm mười',
      'một trăm mười lăm',
      'chín trăm chín mươi chín',
    ]);
  });

  it('every number form keeps its text exactly and says each character', () => {
    const forms = fc.oneof(
      fc.tuple(fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ'), fc.integer({ min: 1, max: 9999 })).map(([p, n]) => `${p}${String(n).padStart(3, '0')}`),
      fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 999 })).map(([k, n]) => `K${k}-${String(n).padStart(3, '0')}`),
    );
    fc.assert(
      fc.property(forms, fc.integer({ min: 1, max: 99 }), (number, counter) => {
        const a = announcement(number, String(counter));
        expect(a.text).toBe(`Mời số ${number} đến quầy số ${counter}`);
        expect(spokenTicket(number).split(', ')).toHaveLength(number.length);
        expect(a.spoken).not.toMatch(/\d/);
      }),
    );
  });
});
