/**
 * Normalisation lexicon: chat slang, abbreviations, old terms and spelling variants mapped to the words
 * the knowledge base uses. Applied to documents and questions alike, so "gmn cara kerja di cambodia"
 * and "Bagaimana cara bekerja di Kamboja" meet on the same tokens. An empty value drops the word
 * (forms of address such as "kak", "gan" that carry no meaning for retrieval).
 */
export const LEXICON: Readonly<Record<string, string>> = {
  // question words
  gmn: "bagaimana", gmna: "bagaimana", gimana: "bagaimana", gmana: "bagaimana", bgmn: "bagaimana",
  gimna: "bagaimana", bagaimna: "bagaimana", brp: "berapa", brapa: "berapa", berpa: "berapa", knp: "kenapa",
  napa: "kenapa", dmn: "dimana", dmana: "dimana", kpn: "kapan", ap: "apa", apkh: "apakah",
  // negation and particles
  ga: "tidak", gak: "tidak", gk: "tidak", nggak: "tidak", ngga: "tidak", nggk: "tidak", enggak: "tidak",
  engga: "tidak", ndak: "tidak", tdk: "tidak", tak: "tidak", kagak: "tidak", gaada: "tidak ada", gada: "tidak ada",
  blm: "belum", blom: "belum", udh: "sudah", udah: "sudah", sdh: "sudah", dah: "sudah", uda: "sudah",
  // pronouns and forms of address
  sy: "saya", ak: "saya", aku: "saya", aq: "saya", gue: "saya", gw: "saya", gua: "saya", km: "kamu", kmu: "kamu",
  lu: "kamu", lo: "kamu", elu: "kamu", kak: "", ka: "", gan: "", agan: "", bro: "", sis: "", mimin: "", bang: "",
  mas: "", mbak: "", mba: "", bu: "", pak: "", om: "", bund: "", bunda: "",
  // common chat abbreviations
  yg: "yang", dgn: "dengan", dg: "dengan", utk: "untuk", untk: "untuk", tuk: "untuk", krn: "karena",
  karna: "karena", klo: "kalau", kalo: "kalau", kl: "kalau", klau: "kalau", jd: "jadi", jdi: "jadi", sm: "sama",
  tp: "tapi", tpi: "tapi", dr: "dari", dri: "dari", dlm: "dalam", org: "orang", orng: "orang", bgt: "banget",
  aja: "saja", aj: "saja", lg: "lagi", jg: "juga", bs: "bisa", bsa: "bisa", nnti: "nanti", ntar: "nanti",
  ntr: "nanti", tmn: "teman", temen: "teman", sdr: "saudara", sodara: "saudara", ortu: "orang tua", bpk: "bapak",
  hrs: "harus", msh: "masih", masi: "masih", pengen: "ingin", pgn: "ingin", pingin: "ingin", bener: "benar",
  bnr: "benar", byk: "banyak", bnyk: "banyak", bnyak: "banyak", sbg: "sebagai", spt: "seperti", kyk: "seperti",
  kayak: "seperti", kaya: "seperti", kayaknya: "sepertinya", kyknya: "sepertinya", gitu: "begitu", gt: "begitu",
  emg: "memang", emang: "memang", th: "tahun", thn: "tahun", bln: "bulan", tgl: "tanggal", hr: "hari",
  skrg: "sekarang", skrang: "sekarang", sekrg: "sekarang", kmrn: "kemarin", kemaren: "kemarin",
  ditawarin: "ditawari", kerjaan: "pekerjaan", dibayarin: "dibayar", nyari: "mencari", nanya: "tanya", nipu: "menipu",
  ngapain: "mengapa", pake: "pakai", pakek: "pakai", cepet: "cepat", gede: "besar", dapet: "dapat", dpt: "dapat",
  sampe: "sampai", nyampe: "sampai", trs: "terus", abis: "habis", ilang: "hilang", nikah: "menikah", dijanjiin: "dijanjikan", kabarin: "kabari",
  gratisan: "gratis", duit: "uang", bayarin: "bayar", ijin: "izin", nmr: "nomor", nomer: "nomor", telp: "telepon",
  tlp: "telepon", hp: "ponsel", callcenter: "call center",
  brgkt: "berangkat", brngkt: "berangkat", brangkat: "berangkat", lwt: "lewat", lwat: "lewat", pke: "pakai",
  sblm: "sebelum", stlh: "setelah", kpd: "kepada", trhdp: "terhadap", bbrp: "beberapa", tsb: "tersebut",
  // British and American spellings meet
  centre: "center", programme: "program", programmes: "programs", licence: "license", licences: "licenses",
  labour: "labor", organisation: "organization", authorised: "authorized", recognised: "recognized",
  // migration vocabulary: the old term TKI is PMI today
  tki: "pmi", tkw: "pmi", cpmi: "calon pmi", cptki: "calon pmi", loker: "lowongan kerja", lowker: "lowongan kerja",
  negri: "negeri", ln: "luar negeri", luarnegeri: "luar negeri", pjtki: "p3mi", pptkis: "p3mi", ppmi: "p2mi",
  paspot: "paspor", pasport: "paspor", pspr: "paspor", pulisi: "polisi", scammer: "scam",
  wa: "whatsapp", wasap: "whatsapp", whatsap: "whatsapp", tele: "telegram", tg: "telegram", fb: "facebook",
  ig: "instagram",
  // destinations: spelling variants and English names
  cambodia: "kamboja", kambodja: "kamboja", kamboj: "kamboja", kambodia: "kamboja", cambodian: "kamboja",
  kamboza: "kamboja", burma: "myanmar", myanmr: "myanmar", thailan: "thailand", tailand: "thailand",
  thai: "thailand", philippines: "filipina", pilipina: "filipina", malasya: "malaysia", korsel: "korea",
  japan: "jepang", jpn: "jepang", hongkong: "hong kong", hk: "hong kong", uae: "uea", singapore: "singapura",
  germany: "jerman",
};

/**
 * Words that ask for the same thing in this domain, across both languages. A question word also
 * matches passages that use another word of its group ("sanksi" finds "diancam pidana"); used to widen
 * lexical matching and the coverage check, never to rewrite the question.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ["sanksi", "hukuman", "pidana", "dipidana", "ancaman", "diancam", "penalty", "penalties", "punishment", "punished", "sanction", "sanctions"],
  ["penjara", "prison", "imprisonment", "kurungan", "jail", "sentence", "sentenced"],
  ["maksimal", "maximum", "paling", "terlama", "longest", "max"],
  ["denda", "fine", "fines"],
  ["biaya", "fee", "fees", "ongkos", "cost", "costs", "charge", "charged", "bayar", "dibayar", "pay", "paid"],
  ["gaji", "salary", "upah", "wage", "wages"],
  ["agen", "agency", "agencies", "p3mi", "penyalur", "perekrut", "recruiter", "recruiters", "calo", "broker", "sponsor"],
  ["resmi", "legal", "licensed", "berizin", "official", "sah", "prosedural", "procedural"],
  ["ilegal", "illegal", "nonprosedural", "unlicensed", "unofficial", "abal"],
  ["palsu", "fake", "bohong", "lie", "false"],
  ["kerja", "bekerja", "pekerjaan", "work", "job", "jobs", "lowongan"],
  ["paspor", "passport", "passports"],
  ["turis", "tourist", "wisata", "kunjungan", "visit"],
  ["lapor", "melapor", "laporan", "report", "reporting", "pengaduan", "mengadu", "complaint", "complain"],
  ["nomor", "number", "hotline", "telepon", "call", "kontak", "contact"],
  ["kedutaan", "embassy", "kbri", "kjri", "konsulat", "consulate", "perwakilan"],
  ["umur", "usia", "age"],
  ["menikah", "married", "kawin"],
  ["g2g", "pemerintah", "government", "antarpemerintah"],
  ["punya", "dipunya", "mempunyai", "memiliki", "dimiliki", "milik", "own", "owns"],
  ["pulang", "dipulangkan", "kepulangan", "home", "return", "repatriated", "repatriation", "evakuasi"],
  ["korban", "victim", "victims"],
  ["disekap", "terjebak", "dikurung", "trapped", "stuck", "held", "disandera"],
  ["syarat", "persyaratan", "requirement", "requirements", "require", "required"],
  ["kontrak", "contract", "perjanjian", "agreement"],
  ["wajib", "mandatory", "compulsory", "obligatory"],
  ["asuransi", "insurance", "jaminan", "bpjs"],
  ["aman", "safe", "bahaya", "danger", "dangerous", "risk"],
  ["hak", "rights"],
  ["dibentuk", "berdiri", "didirikan", "terbentuk", "established", "founded", "created"],
  ["anggota", "peserta", "member", "members", "participant", "participants"],
  ["aturan", "peraturan", "regulasi", "regulation", "regulations", "rule", "rules"],
  ["dasar", "berdasarkan", "basis", "based"],
  ["berlaku", "efektif", "effective"],
  ["mulai", "sejak", "since", "start", "starting"],
  ["presiden", "president"],
];
