// Where places are: countries from world-atlas (Natural Earth, public
// domain) named in Arabic by i18n-iso-countries, a point for each country
// too small for its 110m map, and a short list of cities and regions the
// news in this domain names, at [longitude, latitude].
import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import { feature } from 'topojson-client';
import { geoCentroid } from 'd3-geo';
import world from 'world-atlas/countries-110m.json';

countries.registerLocale(ar);

// Arabic matching key: no diacritics or tatweel, alef forms to ا, ى to ي,
// ة to ه, no leading ال, no spaces.
export function placeKey(s) {
  return (s || '')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه')
    .replace(/^ال/, '').replace(/\s+/g, '').toLowerCase();
}

const CITIES = {
  // Iraq
  'بغداد': [44.37, 33.31], 'كركوك': [44.39, 35.47], 'الحويجة': [43.78, 35.32], 'الموصل': [43.13, 36.34],
  'أربيل': [44.01, 36.19], 'الأنبار': [43.0, 33.4], 'الفلوجة': [43.78, 33.35], 'الرمادي': [43.3, 33.42],
  'تكريت': [43.68, 34.6], 'سامراء': [43.88, 34.2], 'ديالى': [45.0, 33.9], 'حمرين': [44.6, 34.4],
  'نينوى': [43.1, 36.3], 'صلاح الدين': [43.7, 34.5], 'البصرة': [47.78, 30.51], 'السليمانية': [45.43, 35.56],
  'كردستان': [44.0, 36.4], 'سنجار': [41.87, 36.32], 'تلعفر': [42.45, 36.37],
  // Syria
  'دمشق': [36.29, 33.51], 'حلب': [37.16, 36.2], 'إدلب': [36.63, 35.93], 'ريف إدلب': [36.6, 35.8],
  'الرقة': [39.01, 35.95], 'دير الزور': [40.14, 35.34], 'الحسكة': [40.75, 36.5], 'الهول': [41.15, 36.38],
  'حمص': [36.72, 34.73], 'حماة': [36.75, 35.13], 'اللاذقية': [35.78, 35.52], 'درعا': [36.1, 32.62],
  'الشام': [36.3, 34.5], 'جسر الشغور': [36.32, 35.81], 'منبج': [37.95, 36.53],
  // Turkey, Caucasus, Central Asia, Russia
  'إسطنبول': [28.98, 41.01], 'أنقرة': [32.86, 39.93], 'غازي عنتاب': [37.38, 37.07], 'أضنة': [35.32, 37.0],
  'هاتاي': [36.2, 36.4], 'موسكو': [37.62, 55.75], 'الشيشان': [45.7, 43.3], 'غروزني': [45.69, 43.32],
  'داغستان': [47.0, 42.9], 'القوقاز': [44.0, 43.0], 'آسيا الوسطى': [66.0, 42.0],
  'دوشنبه': [68.78, 38.56], 'دوشانبي': [68.78, 38.56], 'كولاب': [69.78, 37.91], 'خجند': [69.62, 40.28],
  'طشقند': [69.24, 41.3], 'سمرقند': [66.96, 39.65], 'فرغانة': [71.78, 40.39], 'أنديجان': [72.34, 40.78],
  'ألماتي': [76.89, 43.24], 'أستانا': [71.45, 51.17], 'شيمكنت': [69.6, 42.32], 'بيشكيك': [74.6, 42.87],
  'أوش': [72.8, 40.53], 'عشق آباد': [58.38, 37.95], 'قرغيزستان': [74.6, 41.4], 'قازاقستان': [67.0, 48.0],
  // Gulf, Levant, Africa, South Asia
  'بيروت': [35.5, 33.89], 'عمان': [35.93, 31.95], 'القدس': [35.22, 31.78], 'غزة': [34.45, 31.5],
  'الرياض': [46.72, 24.69], 'جدة': [39.19, 21.49], 'مكة': [39.83, 21.42], 'المدينة المنورة': [39.61, 24.47],
  'الدمام': [50.1, 26.43], 'الخليج': [51.0, 27.0], 'الدوحة': [51.53, 25.29], 'أبوظبي': [54.37, 24.45],
  'دبي': [55.27, 25.2], 'الكويت': [47.98, 29.37], 'المنامة': [50.58, 26.22], 'مسقط': [58.41, 23.59],
  'صنعاء': [44.21, 15.35], 'عدن': [45.04, 12.79], 'القاهرة': [31.24, 30.04], 'سيناء': [33.8, 29.5],
  'طرابلس': [13.19, 32.89], 'تونس': [10.18, 36.81], 'الجزائر': [3.06, 36.75], 'الرباط': [-6.84, 34.02],
  'الخرطوم': [32.56, 15.5], 'مقديشو': [45.32, 2.05], 'كابل': [69.18, 34.53], 'قندهار': [65.71, 31.61],
  'طهران': [51.39, 35.69], 'إسلام آباد': [73.05, 33.68], 'كراتشي': [67.01, 24.86],
  'باريس': [2.35, 48.86], 'لندن': [-0.13, 51.51], 'برلين': [13.4, 52.52], 'بروكسل': [4.35, 50.85],
  'واشنطن': [-77.04, 38.9], 'نيويورك': [-74.0, 40.71],
};

// Countries too small for the 110m atlas (Bahrain, Singapore, Malta,
// Comoros…), a point each at [longitude, latitude]: the centre of their
// shape in the 50m atlas, or the capital where the islands are scattered or
// the 50m atlas lacks them too. By ISO alpha-2 code; named as above.
const SMALL_COUNTRIES = {
  AD: [1.56, 42.54], AG: [-61.79, 17.28], AI: [-63.07, 18.22], AS: [-170.72, -14.3], AW: [-69.98, 12.52],
  AX: [19.95, 60.22], BB: [-59.56, 13.18], BH: [50.54, 26.04], BL: [-62.84, 17.9], BM: [-64.76, 32.31],
  BQ: [-68.26, 12.18], BV: [3.41, -54.42], CC: [96.87, -12.17], CK: [-159.79, -21.22], CV: [-23.96, 15.96],
  CW: [-68.97, 12.2], CX: [105.69, -10.45], DM: [-61.36, 15.44], FM: [158.22, 6.92], FO: [-6.88, 62.05],
  GD: [-61.68, 12.12], GF: [-53.13, 3.93], GG: [-2.57, 49.47], GI: [-5.35, 36.14], GP: [-61.55, 16.25],
  GS: [-36.49, -54.46], GU: [144.77, 13.44], HK: [114.11, 22.4], HM: [73.52, -53.09], IM: [-4.54, 54.22],
  IO: [72.45, -7.33], JE: [-2.13, 49.22], KI: [173.0, 1.42], KM: [43.68, -11.88], KN: [-62.69, 17.26],
  KY: [-80.91, 19.43], LC: [-60.97, 13.89], LI: [9.54, 47.14], MC: [7.41, 43.75], MF: [-63.06, 18.09],
  MH: [171.38, 7.09], MO: [113.51, 22.22], MP: [145.62, 15.83], MQ: [-61.02, 14.64], MS: [-62.19, 16.74],
  MT: [14.41, 35.92], MU: [57.57, -20.28], MV: [73.51, 4.18], NF: [167.95, -29.05], NR: [166.93, -0.52],
  NU: [-169.87, -19.05], PF: [-149.43, -17.65], PM: [-56.3, 46.92], PN: [-128.32, -24.36], PW: [134.41, 7.29],
  RE: [55.53, -21.13], SC: [55.45, -4.62], SG: [103.82, 1.36], SH: [-5.72, -15.93], SJ: [15.63, 78.22],
  SM: [12.46, 43.94], ST: [6.72, 0.44], SX: [-63.06, 18.05], TC: [-71.97, 21.83], TK: [-171.85, -9.2],
  TO: [-175.2, -21.14], TV: [179.19, -8.52], VA: [12.43, 41.9], VC: [-61.2, 13.23], VG: [-64.47, 18.53],
  VI: [-64.8, 17.96], WF: [-176.2, -13.28], WS: [-172.16, -13.75], XK: [20.9, 42.6], YT: [45.15, -12.83],
};

export const worldFeatures = feature(world, world.objects.countries).features;

let index = null;
function build() {
  index = new Map();
  for (const f of worldFeatures) {
    const alpha2 = countries.numericToAlpha2(f.id);
    if (!alpha2) continue;
    const names = countries.getName(alpha2, 'ar', { select: 'all' }) || [];
    const c = geoCentroid(f);
    for (const n of names) index.set(placeKey(n), { coords: c, country: f.id });
  }
  for (const [alpha2, c] of Object.entries(SMALL_COUNTRIES)) {
    const country = countries.alpha2ToNumeric(alpha2) || null;
    for (const n of countries.getName(alpha2, 'ar', { select: 'all' }) || []) {
      if (!index.has(placeKey(n))) index.set(placeKey(n), { coords: c, country });
    }
  }
  // Other spellings the press uses.
  const alias = { 'سورية': 'سوريا', 'طاجكستان': 'طاجيكستان', 'اوزبكستان': 'أوزبكستان', 'قرغيزيا': 'قيرغيزستان',
    'قرغيزستان': 'قيرغيزستان', 'قازاقستان': 'كازاخستان', 'أمريكا': 'الولايات المتحدة', 'بريطانيا': 'المملكة المتحدة',
    'المالديف': 'جزر المالديف', 'هونج كونج': 'هونغ كونغ', 'سيشيل': 'سيشل' };
  for (const [a, b] of Object.entries(alias)) {
    const hit = index.get(placeKey(b));
    if (hit && !index.has(placeKey(a))) index.set(placeKey(a), hit);
  }
  for (const [n, c] of Object.entries(CITIES)) {
    if (!index.has(placeKey(n))) index.set(placeKey(n), { coords: c, country: null });
  }
}

// {coords: [lon, lat], country: numeric id or null} for a place name, or null.
export function locate(name) {
  if (!index) build();
  return index.get(placeKey(name)) || null;
}
