import { describe, expect, it } from 'vitest';
import { isPlaceField, placeToday, provinceToday } from '../../electron/contract';

describe('a place in a province merged in 2025', () => {
  it('names where the province is now, after the place as written', () => {
    expect(placeToday('Xã Mỹ Yên, huyện Bến Lức, Tỉnh Long An')).toBe('Xã Mỹ Yên, huyện Bến Lức, Tỉnh Long An (nay là Tây Ninh)');
    expect(placeToday('Phường 1, Thành phố Vũng Tàu, Bà Rịa - Vũng Tàu')).toBe('Phường 1, Thành phố Vũng Tàu, Bà Rịa - Vũng Tàu (nay là Hồ Chí Minh)');
    expect(provinceToday('Long An')).toBe('Long An (nay là Tây Ninh)');
  });

  it('reads a province however a card writes it: either tone placement, capitals, without "Tỉnh"', () => {
    expect(placeToday('Xã Lạc Thịnh, Hoà Bình')).toBe('Xã Lạc Thịnh, Hoà Bình (nay là Phú Thọ)');
    expect(placeToday('XÃ AN BÌNH, TỈNH HẬU GIANG')).toBe('XÃ AN BÌNH, TỈNH HẬU GIANG (nay là Cần Thơ)');
  });

  it('leaves alone a province that kept its name, a place already saying where it is now, and a text with no province', () => {
    for (const place of ['Số 12 phố Hoàng Quốc Việt, Thành phố Hà Nội', 'Xã Mỹ Yên, Tỉnh Long An (nay là Tây Ninh)', 'Bệnh viện Phụ sản Hà Nội', 'Long An Hospital, Hà Nội', '']) {
      expect(placeToday(place)).toBe(place);
    }
  });

  it('applies to places of birth and origin, addresses and residence, not to names', () => {
    expect(['child.placeOfOrigin', 'person.placeOfBirth', 'person.permanentAddress', 'applicant.residence', 'parent.address'].every(isPlaceField)).toBe(true);
    expect(['person.fullName', 'addressee', 'household.headName'].some(isPlaceField)).toBe(false);
  });
});
