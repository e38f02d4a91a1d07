import { createHash } from 'node:crypto';
import type { ApplicantDetails } from '@app/domain';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Tôn Nữ',
  'Hà',
  'Trương',
  'Đoàn',
];
const MIDDLE_MEN = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Xuân', 'Thanh'];
const MIDDLE_WOMEN = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Diệu', 'Bảo', 'Khánh', 'Minh'];
const GIVEN_MEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hùng',
  'Khoa',
  'Long',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thắng',
  'Toàn',
  'Tuấn',
  'Việt',
  'Vinh',
];
const GIVEN_WOMEN = [
  'Anh',
  'Châu',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'My',
  'Ngân',
  'Nhung',
  'Phương',
  'Quỳnh',
  'Thảo',
  'Trang',
  'Uyên',
  'Vy',
];
const STREETS = [
  'Lê Lợi',
  'Hùng Vương',
  'Trần Hưng Đạo',
  'Nguyễn Huệ',
  'Điện Biên Phủ',
  'Phan Đình Phùng',
  'Bà Triệu',
  'Lý Thường Kiệt',
  'Nguyễn Trãi',
  'Chi Lăng',
  'Đinh Tiên Hoàng',
  'Mai Thúc Loan',
];
const LOCALITIES = [
  'Phường Phú Hội, Thành phố Huế',
  'Phường Vĩnh Ninh, Thành phố Huế',
  'Phường Thuận Thành, Thành phố Huế',
  'Thị trấn Phú Đa, Huyện Phú Vang',
  'Phường Tứ Hạ, Thị xã Hương Trà',
  'Thị trấn Phong Điền, Huyện Phong Điền',
  'Thị trấn Khe Tre, Huyện Nam Đông',
  'Phường Phú Bài, Thị xã Hương Thủy',
];
const MOBILE_PREFIXES = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '032',
  '033',
  '035',
  '037',
  '038',
  '070',
  '077',
  '079',
  '081',
  '083',
  '085',
  '088',
];
const COMPANY_KINDS = ['Công ty TNHH', 'Công ty Cổ phần', 'Hợp tác xã', 'Doanh nghiệp tư nhân'];
const COMPANY_NAMES = [
  'Hương Giang',
  'Sông Hương',
  'Ngự Bình',
  'Thuận Hóa',
  'Phú Xuân',
  'Kim Long',
  'Vỹ Dạ',
  'Thiên An',
  'Lăng Cô',
  'Bạch Mã',
];

/** The people behind the scenario's dossiers: some file several (a returning applicant keeps their key). */
const PEOPLE = 60_000;

/**
 * A synthetic applicant for a planned dossier, the same every run (derived from the script's key): Vietnamese names
 * with diacritics (NFC), CCCD numbers of Thừa Thiên Huế's format (province 046, century and sex digit, birth year,
 * six digits), Vietnamese mobile numbers; one in ten an organisation with a tax code. None is a real person.
 */
export function syntheticApplicant(scriptKey: string): ApplicantDetails {
  const seed = createHash('sha256').update(scriptKey).digest();
  const person = seed.readUInt32BE(0) % PEOPLE;
  const r = createHash('sha256').update(`person:${person}`).digest();
  const pick = <T>(list: readonly T[], byte: number): T => list[r[byte]! % list.length] as T;
  const digits = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => String(r[from + i]! % 10)).join('');
  const address = {
    province: 'Thừa Thiên Huế',
    locality: pick(LOCALITIES, 10),
    street: `${1 + (r[11]! % 200)} ${pick(STREETS, 12)}`,
  };
  const phone = `${pick(MOBILE_PREFIXES, 13)}${digits(14, 7)}`;
  if (person % 10 === 0) {
    return {
      kind: 'organisation',
      fullName: `${pick(COMPANY_KINDS, 1)} ${pick(COMPANY_NAMES, 2)} ${1 + (person % 97)}`,
      idDocument: { kind: 'tax_code', number: `3300${digits(3, 6)}` },
      phone,
      address,
    };
  }
  const woman = r[1]! % 2 === 1;
  const year = 1950 + (r[2]! % 55);
  const fullName = [
    pick(FAMILY, 3),
    pick(woman ? MIDDLE_WOMEN : MIDDLE_MEN, 4),
    pick(woman ? GIVEN_WOMEN : GIVEN_MEN, 5),
  ].join(' ');
  const centuryAndSex = (year >= 2000 ? 2 : 0) + (woman ? 1 : 0);
  return {
    kind: 'citizen',
    fullName: fullName.normalize('NFC'),
    idDocument: { kind: 'cccd', number: `046${centuryAndSex}${String(year % 100).padStart(2, '0')}${digits(20, 6)}` },
    dateOfBirth: `${year}-${String(1 + (r[6]! % 12)).padStart(2, '0')}-${String(1 + (r[7]! % 28)).padStart(2, '0')}`,
    phone,
    address,
    ...(r[8]! % 5 === 0 ? { returnByPost: { deliveryAddress: address } } : {}),
  };
}
