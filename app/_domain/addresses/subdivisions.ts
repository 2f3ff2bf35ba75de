/**
 * The states, provinces and prefectures the address form offers as a list (ISO 3166-2
 * subdivisions as the postal services write them). i18n-iso-countries and the other installed
 * packages carry no subdivisions, so these small tables are ours. `value` is what is stored in the
 * address's `state` (the postal abbreviation where the country uses one on envelopes: "CA", "ON",
 * "NSW"; the prefecture's name in Japan), `name` what the list shows.
 */
export type Subdivision = { value: string; name: string };

const table = (rows: string): Subdivision[] =>
  rows
    .trim()
    .split('\n')
    .map((row) => {
      const [value, name] = row.trim().split('|') as [string, string];
      return { value, name };
    });

/** The 50 states, DC, the inhabited territories and freely associated states, and the armed forces' codes (USPS). */
export const US_STATES = table(`
  AL|Alabama
  AK|Alaska
  AZ|Arizona
  AR|Arkansas
  CA|California
  CO|Colorado
  CT|Connecticut
  DE|Delaware
  DC|District of Columbia
  FL|Florida
  GA|Georgia
  HI|Hawaii
  ID|Idaho
  IL|Illinois
  IN|Indiana
  IA|Iowa
  KS|Kansas
  KY|Kentucky
  LA|Louisiana
  ME|Maine
  MD|Maryland
  MA|Massachusetts
  MI|Michigan
  MN|Minnesota
  MS|Mississippi
  MO|Missouri
  MT|Montana
  NE|Nebraska
  NV|Nevada
  NH|New Hampshire
  NJ|New Jersey
  NM|New Mexico
  NY|New York
  NC|North Carolina
  ND|North Dakota
  OH|Ohio
  OK|Oklahoma
  OR|Oregon
  PA|Pennsylvania
  RI|Rhode Island
  SC|South Carolina
  SD|South Dakota
  TN|Tennessee
  TX|Texas
  UT|Utah
  VT|Vermont
  VA|Virginia
  WA|Washington
  WV|West Virginia
  WI|Wisconsin
  WY|Wyoming
  AS|American Samoa
  GU|Guam
  MP|Northern Mariana Islands
  PR|Puerto Rico
  VI|U.S. Virgin Islands
  FM|Micronesia
  MH|Marshall Islands
  PW|Palau
  AA|Armed Forces (Americas)
  AE|Armed Forces (Europe, Middle East, Africa, Canada)
  AP|Armed Forces (Pacific)
`);

/** Canada's 10 provinces and 3 territories (Canada Post abbreviations). */
export const CA_PROVINCES = table(`
  AB|Alberta
  BC|British Columbia
  MB|Manitoba
  NB|New Brunswick
  NL|Newfoundland and Labrador
  NS|Nova Scotia
  NT|Northwest Territories
  NU|Nunavut
  ON|Ontario
  PE|Prince Edward Island
  QC|Quebec
  SK|Saskatchewan
  YT|Yukon
`);

/** Australia's 6 states and 2 mainland territories (Australia Post abbreviations). */
export const AU_STATES = table(`
  ACT|Australian Capital Territory
  NSW|New South Wales
  NT|Northern Territory
  QLD|Queensland
  SA|South Australia
  TAS|Tasmania
  VIC|Victoria
  WA|Western Australia
`);

/** Japan's 47 prefectures in ISO 3166-2 order (JP-01 … JP-47), in their romanized names. */
export const JP_PREFECTURES = table(
  `Hokkaido Aomori Iwate Miyagi Akita Yamagata Fukushima Ibaraki Tochigi Gunma Saitama Chiba Tokyo Kanagawa Niigata Toyama
   Ishikawa Fukui Yamanashi Nagano Gifu Shizuoka Aichi Mie Shiga Kyoto Osaka Hyogo Nara Wakayama Tottori Shimane Okayama
   Hiroshima Yamaguchi Tokushima Kagawa Ehime Kochi Fukuoka Saga Nagasaki Kumamoto Oita Miyazaki Kagoshima Okinawa`
    .split(/\s+/)
    .map((name) => `${name}|${name}`)
    .join('\n'),
);

export { findSubdivision } from './address-layout';
