/**
 * Places an offer may name, in canonical words (normalize.ts), with the country they belong to and
 * what officials say about them (shared/eval/README.md labelling rules; fact sheet F-46, F-50..F-54):
 * - not_placement: Cambodia, Myanmar, Thailand: not placement countries / no placement cooperation.
 * - scam_hotspot: places in the Foreign Ministry's online-scam data (Laos SEZ, Philippines, Vietnam,
 *   Myanmar and Thai border areas).
 * - middle_east: risky only for domestic work with individual employers (2015 moratorium).
 * - high_wage: destinations where legal wages are high, so a high salary alone is plausible.
 * Malaysia and the UAE are ordinary placement countries: the destination alone is no red flag.
 */
export type PlaceRisk = "not_placement" | "scam_hotspot" | "middle_east" | "high_wage" | "ordinary";

export interface Country {
  /** English name shown to users and in extracted entities. */
  name: string;
  risk: PlaceRisk;
  /** Canonical phrases naming the country itself. */
  names: readonly string[];
  /** Canonical phrases naming its cities and regions. */
  cities: readonly string[];
}

export const COUNTRIES: readonly Country[] = [
  { name: "Cambodia", risk: "not_placement", names: ["kamboja"], cities: ["phnom penh", "sihanoukville", "preah sihanouk", "kandal", "kampot", "kampong speu", "banteay meanchey", "mondulkiri", "svay rieng", "bavet", "poipet", "chrey thum", "koh kong"] },
  { name: "Myanmar", risk: "not_placement", names: ["myanmar"], cities: ["myawaddy", "shwe kokko", "kk park", "tachileik", "yangon", "mandalay"] },
  { name: "Thailand", risk: "not_placement", names: ["thailand"], cities: ["bangkok", "mae sot", "chiang rai", "chiang mai", "pattaya", "phuket", "hat yai"] },
  { name: "Laos", risk: "scam_hotspot", names: ["laos"], cities: ["vientiane", "bokeo", "golden triangle", "segitiga emas", "boten"] },
  { name: "Philippines", risk: "scam_hotspot", names: ["filipina"], cities: ["manila", "pampanga", "pasay", "makati", "cebu", "clark freeport"] },
  { name: "Vietnam", risk: "scam_hotspot", names: ["vietnam", "viet nam"], cities: ["hanoi", "ho chi minh", "saigon", "da nang"] },
  { name: "Saudi Arabia", risk: "middle_east", names: ["arab saudi", "saudi"], cities: ["riyadh", "jeddah", "mekkah", "makkah", "madinah"] },
  { name: "United Arab Emirates", risk: "middle_east", names: ["uea", "uni emirat arab", "united arab emirates"], cities: ["dubai", "abu dhabi", "sharjah"] },
  { name: "Qatar", risk: "middle_east", names: ["qatar"], cities: ["doha"] },
  { name: "Kuwait", risk: "middle_east", names: ["kuwait"], cities: [] },
  { name: "Oman", risk: "middle_east", names: ["oman"], cities: ["muscat"] },
  { name: "Bahrain", risk: "middle_east", names: ["bahrain"], cities: [] },
  { name: "Jordan", risk: "middle_east", names: ["yordania", "jordan"], cities: ["amman"] },
  { name: "Middle East", risk: "middle_east", names: ["timur tengah", "middle east"], cities: [] },
  { name: "Japan", risk: "high_wage", names: ["jepang"], cities: ["tokyo", "osaka", "nagoya"] },
  { name: "South Korea", risk: "high_wage", names: ["korea", "korea selatan", "south korea"], cities: ["seoul", "busan"] },
  { name: "Taiwan", risk: "high_wage", names: ["taiwan"], cities: ["taipei", "taichung", "kaohsiung"] },
  { name: "Hong Kong", risk: "high_wage", names: ["hong kong"], cities: [] },
  { name: "Singapore", risk: "high_wage", names: ["singapura"], cities: [] },
  { name: "Australia", risk: "high_wage", names: ["australia"], cities: ["sydney", "melbourne", "perth"] },
  { name: "New Zealand", risk: "high_wage", names: ["selandia baru", "new zealand"], cities: [] },
  { name: "Germany", risk: "high_wage", names: ["jerman"], cities: [] },
  { name: "Europe", risk: "high_wage", names: ["eropa", "europe"], cities: ["belanda", "united kingdom", "polandia", "poland", "italia", "spanyol"] },
  { name: "United States", risk: "high_wage", names: ["amerika", "usa", "united states"], cities: [] },
  { name: "Malaysia", risk: "ordinary", names: ["malaysia"], cities: ["kuala lumpur", "johor", "penang", "sabah", "sarawak", "selangor", "kota kinabalu"] },
  { name: "Brunei", risk: "ordinary", names: ["brunei"], cities: [] },
  { name: "China", risk: "ordinary", names: ["china", "tiongkok", "cina"], cities: [] },
  { name: "Turkey", risk: "ordinary", names: ["turki", "turkey"], cities: [] },
];

/** Areas named by where they are rather than by a city: "perbatasan Thailand", "Thai border". */
export const BORDER_AREAS: readonly string[] = [
  "perbatasan (thailand|myanmar|kamboja|laos)",
  "(thailand|myanmar|kamboja) border",
  "border (of|with)? (thailand|myanmar|kamboja)",
  "kawasan ekonomi khusus (laos|myanmar|kamboja)",
  "(laos|myanmar|kamboja) ~2 (kawasan ekonomi khusus|special economic zone|sez)",
];

/** Towns on the borders where scam compounds stand: a worker flown into a city and taken on to one crossed a border or is about to. */
export const BORDER_TOWNS: readonly string[] = [
  "mae sot", "myawaddy", "shwe kokko", "kk park", "tachileik", "poipet", "bavet", "chrey thum", "koh kong", "golden triangle",
  "segitiga emas", "boten", "bokeo",
];

/** Indonesian places: an offer naming only these (and no foreign place) is a domestic job. */
export const INDONESIAN_PLACES: readonly string[] = [
  "jakarta", "bekasi", "bogor", "depok", "tangerang", "bandung", "surabaya", "semarang", "yogyakarta", "jogja",
  "solo", "surakarta", "malang", "medan", "makassar", "bali", "denpasar", "nusa dua", "badung", "gianyar",
  "sukabumi", "cianjur", "karawang", "purwakarta", "cirebon", "indramayu", "garut", "tasikmalaya", "serang",
  "cilegon", "palembang", "pekanbaru", "padang", "jambi", "bengkulu", "lampung", "pontianak", "banjarmasin",
  "balikpapan", "samarinda", "manado", "kupang", "mataram", "lombok", "ambon", "jayapura", "kediri", "jember",
  "madiun", "blitar", "sidoarjo", "gresik", "mojokerto", "pasuruan", "probolinggo", "banyuwangi", "kudus",
  "pati", "tegal", "pekalongan", "cilacap", "purwokerto", "banyumas", "klaten", "magelang", "aceh", "batam",
  "jawa barat", "jawa tengah", "jawa timur", "sumatera", "sumatra", "kalimantan", "sulawesi", "papua",
  "ntt", "ntb", "banten", "kabupaten", "kab", "kota",
];

export const FOREIGN_PLACE_PHRASES: readonly string[] = COUNTRIES.flatMap((c) => [...c.names, ...c.cities]);
