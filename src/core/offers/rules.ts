/**
 * Phrase rules per red flag and per legitimate signal, written in the pattern language of patterns.ts over
 * canonical words (normalize.ts: slang and English synonyms are already folded, e.g. "salary" → "gaji",
 * "passport" → "paspor", "fee" → "biaya", "wa" → "whatsapp", "gak" → "tidak").
 *
 * Context options keep warnings and negations from firing a rule: "tanpa biaya" is no fee,
 * "jangan serahkan paspor" is advice, "Waspada calo yang minta DP" is a warning, not an offer.
 * Flags whose logic is more than phrases (salary level, missing employer, destination, age) live in
 * detect.ts and use the phrase lists exported here.
 */
import { alternation } from "./patterns.js";
import { FOREIGN_PLACE_PHRASES } from "./gazetteer.js";
import type { FlagId, PositiveId } from "./flags.js";

export interface PhraseRule<Id extends string = FlagId | PositiveId> {
  id: Id;
  patterns: readonly string[];
  /** Skip a match with a negation before it in its clause or inside it ("tanpa biaya"). Default true. */
  negatable?: boolean;
  /**
   * Skip a match the words right after it take back ("paspor dipegang sendiri"). A leading "~N" lets up to
   * N words come first ("~3 sebelum berangkat"). Several conditions: any of them.
   */
  unlessAfter?: string | readonly string[];
  /** Skip a match whose sentence says this ("dibayar ke bank yang ditunjuk"). */
  unlessSentence?: string;
  /** Words besides NEGATIONS that turn this rule's phrases around ("gratis biaya pendaftaran"). */
  negations?: readonly string[];
  /** Words that turn a match around only when they stand inside its gap ("tanpa biaya pendaftaran"). */
  gapNegations?: readonly string[];
  /** Skip matches in warning sentences ("Waspada…", "Beware…"). Default true for flags, false for signals. */
  skipWarnings?: boolean;
  /** The flag is dropped when any of these legitimate signals is present. */
  suppressedBy?: readonly PositiveId[];
}

const FOREIGN = alternation(FOREIGN_PLACE_PHRASES);
const CHAT_APP = "whatsapp|telegram|tiktok|tik tok|facebook|instagram|line|wechat|signal|messenger|dm|inbox|japri";
const OFFICIAL_STEP =
  "disnaker|bp3mi|bp2mi|kp2mi|p4mi|ltsa|siskop2mi|siapkerja|opp|orientasi|orientation|pre departure|bpjs|kontrak|perjanjian|imigrasi|ujian|tes|test|" +
  "eps topik|eps|lpk|blk|pelatihan|training|medical|medikal|mcu|prosedur|procedure|proses resmi|jalur resmi|izin|sertifikat|" +
  "kemnaker|p3mi|sip3mi|pt|dokumen resmi|paperwork|pendaftaran|registration|kartu pmi|e pmi|epmi|ktkln|dinas";
const ARRIVAL =
  "di sana|disana|di lokasi|on site|onsite|at the site|(setelah|sesudah|begitu) ~2 (sampai|tiba|datang|mendarat)|sesampai*|setiba*|after arrival|upon arrival|on arrival|" +
  "(after|when|once) ~2 (arrive|arrives|arrived|land|lands|landed)|once there|(once|when) (you are|you get|in) (there|in)?";
const LATER = `${ARRIVAL}|later|nanti|menyusul|nyusul|belakangan`;
const RELATIVE =
  "om|tante|paman|bibi|bude|pakde|bulik|paklik|sepupu|kakak|abang|adik|ipar|teman|kenalan|tetangga|saudara|" +
  "uncle|aunt|auntie|aunty|cousin|friend|brother|sister|relative|son|daughter";
/** The people a recruiter asks the worker to keep the plan from. */
const KIN = "keluarga|orang tua|ortu|ibu|ibumu|bapak|bapakmu|ayah|ayahmu|mama|papa|emak|suami|istri|pacar|parents|mother|father|mom|dad|husband|wife";

export const MACROS: Readonly<Record<string, string>> = {
  foreign: FOREIGN,
  chat: CHAT_APP,
  official: OFFICIAL_STEP,
  later: LATER,
  arrival: ARRIVAL,
  relative: RELATIVE,
  kin: KIN,
};

/** Generic job titles scam ads use (eval README; fact sheet F-61, F-62). */
export const GENERIC_JOB_PATTERNS: readonly string[] = [
  "cs",
  "customer (service|support|care|relation|relations|success|services)",
  "layanan pelanggan",
  "(call|contact) (center|centre)",
  "(posisi|lowongan|bagian|sebagai|staff|staf|kerja|jadi|menjadi|as|position|job|hiring|dicari|dibutuhkan|butuh|need|needed) ~2 admin",
  "admin (online|sosmed|media sosial|input|data|kantor|game|website|web|toko|olshop|gudang|marketplace|staff|position|job|chat|live)",
  "staf (administrasi|admin|kantor)",
  "(marketing|pemasaran|telemarketing|telesales)",
  "sales online",
  "(data entry|input data|entry data|data input)",
  "operator (komputer|data|online|game|chat|sistem|system|computer|admin|website|web)",
  "(typing|typist|typists|pengetik)",
  "chat (support|specialist|specialists|agent|agents|operator|operators|admin)",
  "live chat",
  "(chat|chatting|balas|membalas|reply|replying|jawab|menjawab|answer|answering) ~2 (customer|customers|pelanggan|klien|client|clients|member|members|chat|pesan|messages)",
  "(customer|pelanggan|client) (chat|chats|chatting)",
  "host (live|streaming)?",
  "live (streaming|streamer|host)",
  "streamer",
  "brand ambassador*",
  "game (cs|admin|tester|operator)",
  "(kerja|pekerjaan) (kantoran|kantor)",
  "office (staff|work|job|admin)",
  "(social media|media sosial) (admin|specialist|staff)",
];
/** "operator" alone is generic, "operator produksi" is a trade. */
export const GENERIC_OPERATOR = { pattern: "operator", unlessAfter: "(produksi|mesin|jahit|forklift|alat|crane|pabrik|production|machine|sewing|cnc|excavator|las|welding)" };

/** Words that say the employer is unnamed or only claimed to be legitimate (README: "katanya resmi terdaftar"). */
export const VAGUE_EMPLOYER_PATTERNS: readonly string[] = [
  "(perusahaan|kantor) (internasional|asing|luar negeri|besar|ternama|terkenal|online|e commerce|ecommerce|investasi|crypto|kripto|game|gaming|it|teknologi)",
  "(international|foreign|overseas|big|online|gaming|game|crypto|investment|e commerce|ecommerce|tech|it) (perusahaan|firm|platform|agency)",
  "(online|gaming) platform",
  "(lokasi|location|kantor|penempatan|negara|country) ~3 (asia tenggara|southeast asia|dirahasiakan|rahasia|menyusul|diberitahu|informed later|tba|to be announced|secret|confidential)",
  "katanya (resmi|legal|terdaftar)",
  "(resmi|legal) # persen",
  "(100|seratus) persen (resmi|legal|aman|real|asli)",
  "(bukan|no|not a) (penipuan|scam|hoax|hoaks|tipu)",
  "dijamin (aman|resmi|legal)",
];

/** Domestic work for an individual employer: with a Middle East destination it falls under the 2015 moratorium (F-46). */
export const DOMESTIC_WORK =
  "(asisten|pembantu|pekerja|penata|pengurus) rumah tangga|art|prt|pembantu|housemaid|maid|maids|domestic (worker|workers|helper|helpers|work)|" +
  "babysitter|baby sitter|nanny|pengasuh (anak|bayi|lansia|orang tua)|sopir (pribadi|keluarga)|family driver|private driver|" +
  "tukang kebun|majikan perorangan|individual employer|rumah pribadi|rumah keluarga|bantu bantu|household (work|worker|workers|helper|helpers|staff)|" +
  "live in (helper|maid|worker|nanny|caregiver)|(for|with) a (local)? family";

/** Sentences that warn about scams rather than make an offer. */
export const WARNING_SENTENCE = [
  "waspada*", "hati hati", "awas", "beware", "be careful", "caution", "warning", "peringatan", "mengingatkan", "diingatkan",
  "imbau*", "himbau*", "jangan (percaya|tergiur|mudah|tertipu|mau|bayar|tergoda|tertarik)", "hindari", "avoid",
  "(do not|never) (trust|pay|believe|accept|fall)", "laporkan", "report (it|them|to|any)",
  "(its|it is|this is|itu) (a)? (trap|scam|jebakan|penipuan|modus)",
  "(never|tidak pernah|tak pernah) (asks|ask|minta|meminta|requires|menyuruh|charges|memungut)",
  "(kalau|jika|bila|if) (ada yang|someone|anyone|somebody|seseorang) ~2 (offers|offer|promises|asks|menawarkan|nawarin|menjanjikan|minta|meminta)",
];

/** Words that turn a phrase around when they come before it in the same clause. */
export const NEGATIONS: ReadonlySet<string> = new Set(["tidak", "bukan", "tanpa", "no", "not", "never", "jangan", "hindari", "avoid", "zero", "nol", "non", "without", "none"]);

/**
 * Objects a negation attaches to in offers ("tanpa pengalaman", "gak usah lewat disnaker"): a negation
 * followed by one of these says nothing about the phrases after it ("tanpa pengalaman bayar DP 1 juta").
 */
export const NEGATED_OBJECTS: ReadonlySet<string> = new Set(
  ("pengalaman ijazah skill skills keahlian keterampilan sertifikat pendidikan bahasa tes test seleksi syarat cv " +
    "kualifikasi gelar modal interview wawancara degree qualification qualifications lpk blk disnaker bp3mi ltsa " +
    "siskop2mi opp bpjs imigrasi ujian eps pelatihan training medical prosedur visa calo penipuan scam hoax hoaks ribet").split(" "),
);

/** Legitimate signals that the words after them take back: "BP3MI? Tidak perlu." */
export const POSITIVE_UNLESS_AFTER = "~2 (tidak perlu|tidak usah|not needed|no need|ribet|repot|skip)";

/** Who pays when it is not the employer: "tiket ditanggung (oleh) pekerja", "dipotong dari gaji". */
const WORKER_PAYS = "pekerja|sendiri|calon|kamu|anda|worker|you|yourself|peserta|pmi|dari gaji|potong|dipotong|gaji|the worker|the workers";
/** Words right after a fee that say the worker does not pay it. */
const UPFRONT_TAKEN_BACK =
  "~1 (ditanggung|ditalangi|ditalangin|gratis|free|nol|covered|dibebaskan|tidak ada|none|nothing|anything|apa pun|apapun|0|dibayar oleh|paid by|" +
  "potong|dipotong|potong gaji|cicil|dicicil)";
/** Before a fee: it is waived, or it is a debt repaid from wages ("repay your recruitment costs"), not paid up front. */
const UPFRONT_NEGATIONS = ["gratis", "free", "bebas", "repay", "reimburse", "melunasi", "lunasi", "mencicil", "cicil"];
/** Sentences about official fees paid to a bank, not to a recruiter. */
const UPFRONT_OFFICIAL = "(bank yang ditunjuk|kode bayar|bukan ke perorangan|bukan perorangan|official bank|designated bank|bpjs)";

export const FLAG_RULES: readonly PhraseRule<FlagId>[] = [
  {
    id: "unrealistic_salary",
    patterns: [
      "gaji (besar|tinggi|fantastis|menggiurkan|selangit|jumbo|wow|puluhan juta|double digit|dua digit|2 digit|menjanjikan)",
      "(high|big|huge|attractive|amazing|great|besar|tinggi) (gaji|penghasilan|pay|earnings)",
      "(penghasilan|earn|cuan) ~2 (besar|tinggi|puluhan juta|fantastis|unlimited|tanpa batas)",
      "earn up to",
      "bonus ~2 (iphone|ponsel|motor|mobil|emas|laptop|smartphone|phone|macbook)",
      "(hadiah|dapat|free|gratis) ~1 (iphone|motor|mobil|macbook)",
    ],
  },
  {
    // "Gaji dollar!" as a lure; "gaji USD 900" is only the currency, judged by its amount.
    id: "unrealistic_salary",
    patterns: ["(gaji|penghasilan) (dolar|dollar|usd)"],
    unlessAfter: "#",
  },
  {
    id: "no_skills_required",
    patterns: [
      "tidak ada (tes|test|ujian|syarat|persyaratan|seleksi)",
      "(tanpa|tidak (perlu|butuh|harus|wajib|usah|pakai|dibutuhkan|diperlukan|diwajibkan)) ~1 (pengalaman|ijazah|skill|skills|keahlian|keterampilan|sertifikat|pendidikan|bahasa|tes|test|seleksi|syarat|cv|kualifikasi|gelar|modal|interview|wawancara|jago|mahir|pintar|ahli|expert|kursus|pelatihan|training)",
      "(no|zero) ~1 (pengalaman|ijazah|degree|skill|skills|qualification|qualifications|certificate|cv|resume|language|requirements|special skills|training|kursus)",
      "(no|tanpa|tidak perlu) ~1 (bahasa|language|japanese|korean|mandarin|english|inggris|jepang|korea) (test|tes|ujian|exam|sertifikat|certificate)",
      "(no|tanpa) ~1 (background|latar belakang|japanese|korean|mandarin|chinese|arabic|english|inggris) (needed|required|necessary|perlu|diperlukan)",
      "(pengalaman|ijazah|degree|skills|qualifications|language) (is|are)? (not|tidak) (needed|required|necessary|perlu|wajib|dibutuhkan|diperlukan|penting)",
      "(cukup|asal|yang penting|only|just|cuma|hanya) ~1 (bisa|punya|ada|modal|lulusan|tamat|mau|siap|sehat|need|have|must|niat|jujur|lancar)",
      "bisa baca tulis",
      "(can|able to) (read|write) (and|or)? (write|read)?",
      "(ketik|mengetik|typing) (cepat|fast)",
      "(ketik|mengetik|typing|komputer|computer) ~1 (skill|skills)? (only|saja|cukup)",
      "(basic|simple|dasar) ~1 (typing|komputer|computer|ketik)",
      "(syarat|persyaratan) (mudah|gampang|ringan)",
      "(pendidikan|lulusan|ijazah) (bebas|apa saja|semua)",
      "(sudah|wajib|harus) punya paspor",
      "(siapa saja|siapapun|anyone|everyone|semua orang|ibu rumah tangga|pengangguran) ~2 (bisa|boleh|can|welcome|dipersilakan|diterima)",
      "semua (jurusan|lulusan)",
      "(pemula|beginners|beginner|fresh graduate|newbie) ~2 (bisa|boleh|welcome|ok|dipersilakan|diterima)",
    ],
  },
  {
    id: "social_media_recruiter",
    patterns: [
      "(pm|dm|japri|inbox|chat|hubungi|kontak|contact|message|pesan|kirim|daftar|minat|berminat|serius|interested|info|interview|wawancara|rekrut*|apply|join|gabung|klik|click|tanya|reach|text|call|telepon|sms|balas|reply) ~3 ({chat})",
      "langsung ~1 ({chat}|chat)",
      "(via|lewat|melalui|through|on|di|by) ({chat})",
      "({chat}) (only|saja|doang|us|me|kami|saya|admin)",
      "(chat|japri|dm|pm|inbox) (saya|kami|admin|me|us)",
      "(japri|dm|inbox)",
      "pm (whatsapp|saya|admin|kami|saja|me|us|for|untuk|langsung|aja)",
      "whatsapp #",
      "link ~1 bio",
      "(klik|click|buka|open|daftar|register|lewat|via) ~2 link",
      "(comment|komen|komentar) (minat|info|mau|interested|yes)",
    ],
    suppressedBy: ["office_interview"],
  },
  {
    id: "tourist_visa",
    patterns: [
      "visa (turis|wisata|kunjungan|pelancong|tourist|visit|visitor|on arrival|free|umroh|ziarah|haji|liburan|holiday|travel|social)",
      "(tourist|visit|visitor|travel|social visit|pelancong|turis|wisata) (visa|visas|pass|paspor)",
      "(bebas visa|visa free|tanpa visa|no visa|without visa|without a visa)",
      "(pas|pass) lawatan",
      "(pas lintas batas|plb|border pass|short stay|short term visit)",
      "visa (for|untuk) (tourist|tourists|turis|wisatawan|visitors)",
      "(legalise|legalize|legalised|legalized|legalkan|dilegalkan|diputihkan|pemutihan|regularise|regularize) (you|kamu|status)?",
      "(tidak usah|tidak perlu|tanpa|no need|without|no) ~1 (visa kerja|work visa|work permit|izin kerja|permit kerja|working visa|paspor kerja)",
      "(masuk|berangkat|travel|enter|fly|go|datang|terbang|pergi) ~3 (sebagai|as|pakai|dengan|with|using|on|lewat|via) ~1 (turis|tourist|wisatawan|pelancong|visitor|traveller|traveler|liburan|holiday|wisata)",
      "(visa|izin|permit|permits) kerja? ~5 ({later})",
      "(umroh|ziarah|haji) ~4 (kerja|bekerja|work|job|lowongan)",
      "(kerja|bekerja|work) ~3 (umroh|ziarah)",
      // The status changed in the country: "dialihkan ke E-9 di Korea", "we will switch you to a work visa".
      "(dialihkan|dialihin|diubah|diganti|dikonversi|convert|converts|converted|switch|switched|change|changed|ubah|ganti|alih) ~3 (visa kerja|work visa|working visa|work permit|izin kerja|permit kerja|e 9|e 7)",
      "(bilang|ngaku|mengaku|say|tell|claim|pretend|pura pura) ~6 (liburan|wisata|jalan jalan|holiday|vacation|tourist|turis|jenguk|menjenguk|berkunjung|kunjungan keluarga|visiting)",
    ],
    unlessAfter: "~3 (sebelum|before) ~2 (berangkat|keberangkatan|departure|leaving|terbang)",
  },
  {
    id: "third_country_transit",
    patterns: [
      "transit ~2 ({foreign})",
      "(via|lewat|melalui|through|by way of) ({foreign})",
      "(jalur|jalan|perjalanan|lewat|via|by) (darat|laut|sungai|tikus)",
      "(overland|by land|by road|by river)",
      "(menyeberang|nyebrang|menyebrang|menyeberangi|cross|crossing|crosses|across) ~3 (perbatasan|border|sungai|river|{foreign})",
      "(dijemput|jemput|diantar|antar|dibawa|picked up|pick you up|driver|sopir) ~6 (ke|to|menuju) ~2 ({foreign}|perbatasan|border)",
      "naik (van|bus|mobil|travel|motor|truk|truck) ~3 (perbatasan|border|{foreign})",
      "(dijemput|jemput|picked up) ~3 (mobil|van|bus|travel|car) ~3 (ke|to|menuju)",
      "(dari sana|from there) ~3 (naik|lanjut|continue|by|jalan|jalur)",
      "(driver|sopir|tim kami|our team|jemputan) ~3 (takes|take|bring|brings|drive|drives|antar|mengantar|bawa|membawa|jemput) ~3 (rest|sisa|lokasi|site|border|perbatasan|{foreign})",
      "(dipindah|dipindahkan|pindah|pindahkan|memindahkan|move|moves|moved|transfer|transfers|transferred|relocate|relocated|dikirim) ~4 (cabang|branch|negara|country|lokasi|site|kantor|office) ~2 (lain|other|another)",
      "(then|lalu|terus|kemudian|lanjut|continue|continues) ~8 (by car|by bus|by van|by road|by boat|naik mobil|naik bus|naik van|naik travel|naik kapal|naik perahu|jalur darat|lewat darat|perjalanan darat)",
      "(fly|terbang|berangkat|pesawat) ~2 (ke|to) ({foreign}) (dulu|first)",
      "(lewat|via|dari|melalui|through|from) (batam|nunukan|entikong|tanjung pinang|tanjungpinang|dumai|tanjung balai|tarakan|atambua) ~4 (kapal|perahu|speedboat|boat|feri|ferry|darat|jalan kaki|mobil|bus|{foreign})",
      "naik (kapal|perahu|speedboat|boat|feri|ferry) ~3 ({foreign})",
      // Land border posts: going "lewat Entikong" is crossing into Malaysia overland.
      "(lewat|via|melalui|through|dari|from) (pos lintas batas|plbn)? (entikong|aruk|badau|motaain|skouw)",
      "(ke|to) (negara|country) lain",
      "(dipindah|dipindahkan|pindah|memindahkan|move|moved|transfer|transferred|relocate|relocated|dikirim|sent|diberangkatkan|dilanjutkan|proceed|continue) ~4 (ke|to) ~2 ({foreign})",
      "(lanjut|lalu|terus|kemudian|then|continue) ~2 (bus|van|mobil|car|boat|kapal|perahu|travel|taxi|taksi|darat) ~2 (ke|to|menuju) ~2 ({foreign}|perbatasan|border)",
      // A route written as stops: "Jakarta → Singapore → Osaka" (arrows read "ke"), "ke Bangkok lalu ke Mae Sot".
      "(ke|to) ({foreign}) ~1 (ke|to) ({foreign})",
    ],
  },
  {
    id: "employer_pays_travel",
    patterns: [
      "(tiket|pesawat|akomodasi|accommodation|penginapan|hotel|mess|asrama|dorm|dormitory|kos|tempat tinggal|housing|apartemen|apartment|condo|room|kamar|makan|meals|food|transport|transportasi|keberangkatan|semua biaya|all expenses|everything) ~3 (gratis|free|ditanggung|tanggung|dibiayai|dibayar|disediakan|disiapkan|disiapin|difasilitasi|provided|included|covered|paid|dicover)",
      "(gratis|free) ~2 (tiket|pesawat|akomodasi|accommodation|mess|makan|meals|hotel|dorm|condo|housing|apartemen|tempat tinggal|transport|visa|paspor|keberangkatan|perjalanan)",
      "(tiket|pesawat|akomodasi|mess|asrama|tempat tinggal|makan|penginapan) ~2 dari (kantor|perusahaan|bos|pt|majikan)",
      "(tiket|pesawat|akomodasi|mess|visa|paspor) ~3 (kami|perusahaan|kantor|pt|bos|majikan|agen) ~1 (bayar|tanggung|biayai|urus|sediakan)",
      "(kami|perusahaan|kantor|pt|bos|majikan|employer|we|they|agen) ~2 (bayar|bayarin|tanggung|biayai|cover|covers|pay|pays|provide|provides|sediakan|menyediakan|menanggung|membayar) ~3 (tiket|pesawat|akomodasi|accommodation|mess|hotel|transport|semua|everything)",
      "(mess|asrama|dorm) (ac|gratis|full|disediakan|nyaman|mewah)",
      "(tiket|pesawat|makan|food|bed|room|kamar|tempat tinggal|housing|akomodasi|accommodation) ~3 (on us|on the house|on the company|dari kami|kami tanggung)",
      "fasilitas ~2 (hotel|mess|asrama|tempat tinggal|apartemen|penginapan|tiket|pesawat|makan)",
      "plus (free)? (accommodation|akomodasi|housing|mess|asrama|dorm|condo|apartemen|apartment|tempat tinggal|makan|meals|tiket|pesawat)",
      "(umroh|haji) (gratis|free)",
      "(gratis|free) (umroh|haji)",
      "(send|sends|kirim|kirimkan|kirimin|kirimi) ~3 (tiket|pesawat)",
      "(we|kami) (fly|flies) you",
      "makan # (x|kali)",
    ],
    unlessAfter: [`(${WORKER_PAYS})`, `(oleh|by) (${WORKER_PAYS})`],
    suppressedBy: ["domestic_job"],
  },
  {
    id: "unlicensed_recruiter",
    patterns: [
      "(saya|dia|beliau|{relative}|bos|sponsor|agen|calo) ~1 (urus|ngurus|mengurus|uruskan|urusin|handle|atur|ngatur|bantu urus|talangin|talangi|modalin|bayarin)",
      "(saya|dia|beliau|{relative}|bos|sponsor|agen|calo) ~2 (siapkan|siapin|sediakan|urus|atur) (semua|semuanya|everything)",
      "tinggal (ikut|berangkat|terima beres)",
      "(punya|ada) (kenalan|orang dalam|koneksi|jaringan) ~2 (di|in|yang)",
      "(saya|dia|beliau|{relative}|bos|sponsor|agen|calo) ~2 yang (bawa|membawa|berangkatkan|memberangkatkan|jemput|antar|kirim)",
      "(bisa|siap) (bantu|dibantu|membantu) ~1 (berangkat|berangkatkan|keberangkatan|proses|urus|masuk)",
      "(bisa|siap) ~1 (dibawain|dibawa|dimasukin|dimasukkan|diberangkatkan|dicarikan|dicariin) ~2 (kerja|bekerja|ke|jadi)",
      "(calo|makelar|perantara|broker|middleman|sponsor|tekong)",
      "(diurus|dibantu|dihandle|diatur|arranged|handled) ~2 (oleh|by)? ~1 (agen|calo|sponsor|saya|bos)",
      "(lewat|via|melalui|through) (agen|calo|sponsor|orang dalam|kenalan|koordinator|coordinator|ustadz|ustaz|ustad|kyai|kiai)",
      "(saya|i) (sudah|have|already)? (placed|sent|memberangkatkan|menyalurkan|salurkan|brought) ~3 (many|banyak|puluhan|ratusan|orang|people|girls|cewek|pekerja|tki|tkw|pmi)",
      "(saya|i) (have|know|punya|kenal) (a)? (friend|contact|someone|orang dalam|kenalan) ~2 (at|in|di)",
      "(agen|agency) (kami|saya|pribadi|perorangan|personal|individual|freelance|lepas)",
      "(our|my|personal|individual|freelance) (agen|agency)",
      "rekening (pribadi|perorangan|personal)",
      "personal (account|bank)",
      "(tanpa|tidak (perlu|usah|lewat|melalui)|bukan) ~1 (p3mi|sip3mi|lpk|izin|lisensi|licence|license|pt|perusahaan|agency|agensi)",
      "({relative}) (saya|my|his|her|kamu|your)? ~3 (punya|runs|owns|has|buka|membuka) ~4 (usaha|toko|spa|restoran|restaurant|business|shop|bisnis|pabrik|factory|perusahaan|company|call center|call centre|kantor|office|kebun|farm)",
      "({relative}) ~4 (bisa|can|will|mau|akan|siap) ~2 (bawa|bawain|dibawa|dibawain|masukin|dimasukin|masukkan|dimasukkan|berangkatkan|diberangkatkan|carikan|cariin|dicarikan|jemput|menjemput|get you|bring you|take you|pick you up|meet you|drive you)",
      "(saya|i) (bisa|siap|akan|can|will) ~2 (berangkatkan|bantu berangkat|uruskan|masukkan|carikan|get you|send you|bring you|take you)",
    ],
    unlessAfter: "(resmi|berizin|licensed|p3mi|sip3mi)",
  },
  {
    id: "unlicensed_recruiter",
    patterns: [
      "(kami|we) (yang)? (urus|uruskan|handle|atur)",
      "(yang urus semua|urus semua*|semua (diurus|beres)|terima beres|tinggal berangkat)",
      "(we|kami) (handle|arrange|take care of|urus) ~1 (everything|all|semua)",
      "everything (is)? (handled|arranged|taken care of|diurus)",
      "(bos|majikan|boss|manager) (saya|dia|my|his|her|their)? ~3 (butuh|perlu|cari|nyari|needs|need|looking|mencari) ~2 (orang|pekerja|karyawan|workers|people|staff|pembantu|art|prt|helper|helpers|maid|tkw|tki)",
    ],
    suppressedBy: ["licensed_agency", "government_programme"],
  },
  {
    id: "bypasses_official_process",
    patterns: [
      "(tanpa|tidak usah|tidak perlu|tidak harus|tidak wajib|tidak lewat|tidak melalui|tidak ikut|no need|without|skip|bypass|lewati|hindari|avoid|tidak pakai) ~2 ({official})",
      "(jalur|lewat|via) (khusus|belakang|cepat|tikus|samping|pintu belakang|tidak resmi|gelap|non prosedural|ilegal|illegal|vip|express)",
      "(non prosedural|nonprosedural|unprocedural|non procedural|tidak prosedural|illegal route)",
      "({official}|resmi|official) ~3 (ribet|lama|repot|susah|bertele|complicated|slow|lambat|mahal|hassle|waste)",
      "({official}) ~2 (is|are)? (not|tidak) (needed|required|necessary|perlu|wajib|diperlukan|usah)",
      "(tidak usah|tidak perlu|tanpa|no need to|without) (daftar|mendaftar|register|registering|lapor|melapor) ~3 ({official})",
      "(no|tanpa) ~1 ({official}) ~2 (needed|required|necessary|perlu|diperlukan)",
      "(tanpa|tidak|no|without) (cap|stempel|stamp|stamped|stamping) ~2 (paspor|imigrasi)?",
      "(fast|express|special|shortcut|vip|quick|priority) (route|track|lane|way)",
      "(kontrak|perjanjian) ~4 ({arrival})",
      "(lolos|lewati|hindari|avoid|bypass|skip) ~2 (imigrasi|pemeriksaan|checkpoint|checkpoints|bandara|airport)",
      "(paspor|visa) (tembak|nembak|instan|kilat|express|jalur belakang)",
    ],
    unlessAfter: "~3 (sebelum|before) ~2 (berangkat|keberangkatan|departure|leaving|terbang)",
    // "tanpa biaya pendaftaran" waives a fee, it does not skip registration.
    gapNegations: ["biaya", "pungutan", "potongan", "gratis", "free", "charge", "charges", "cost", "costs"],
  },
  {
    id: "upfront_payment",
    patterns: [
      "(dp|uang muka|down payment|deposit|uang jaminan|jaminan uang|booking biaya|biaya booking|tanda jadi)",
      "uang (pendaftaran|administrasi|admin|proses|pelicin|rokok|pengurusan)",
      "(siapkan|sediakan|siapin|modal|setor) ~2 (uang|dana|biaya) ~3 (# (juta|ribu)|rp|usd|#)",
      "(biaya|ongkos) ~3 (ditanggung|dibayar|bayar|dibebankan) ~1 (calon|pekerja|sendiri|peserta|pelamar|kamu|anda|pmi|worker|workers|candidate|candidates|you)",
      "(biaya|paket|package|infak|infaq|sedekah|mahar|sumbangan|donasi|donation) ~3 (# (juta|ribu)|rp|idr|usd|dolar|dollar|ringgit|#)",
      "(payable|dibayarkan|to be paid|must be paid) ~2 (before|sebelum|upfront|di muka|in advance)",
      "(bayar|membayar|transfer|ditransfer|tf|setor|menyetor|kirim uang|send money|wire) ~3 (# (juta|ribu)|rp|usd|dolar|dollar|dulu|di muka|duluan|ke saya|ke admin|ke rekening|ke kami|ke agen|biaya|deposit|dp|upfront|in advance|first|#)",
      "(harus|wajib|must|need to|have to|perlu) ~2 (bayar|membayar|transfer|setor|pay|deposit)",
      "(dibayar|dibayarkan|disetor|disetorkan|paid) ~2 (ke saya|ke kami|ke admin|ke agen|ke sponsor|to me|to us|di muka|dulu|duluan|upfront|in advance)",
      "(kirim|kirimkan|kirimin|send) ~2 (ke|to) ~1 (rekening|account)",
      "(you|worker|workers|candidates|applicants|peserta|pelamar|calon) ~2 (pay|must pay|bayar|membayar)",
      "pay (a|the)? (biaya|deposit|dp)",
      "rekening (pribadi|perorangan|personal)",
      "(magang|jalur|program|internship) (berbayar|paid)",
    ],
    negations: UPFRONT_NEGATIONS,
    unlessAfter: UPFRONT_TAKEN_BACK,
    unlessSentence: UPFRONT_OFFICIAL,
  },
  {
    // A fee named without an amount: "biaya pelatihan sesuai aturan" and "placement costs follow the BP2MI rules" are the official fees.
    id: "upfront_payment",
    patterns: [
      "biaya (proses|pengurusan|administrasi|admin|pendaftaran|registrasi|verifikasi|medical|medikal|mcu|visa|pemberangkatan|keberangkatan|penempatan|pelatihan|training|seragam|booking|paspor|dokumen|sponsor|agen)",
      "(processing|registration|verification|admin|administration|placement|booking|training|medical|visa|handling|agency|recruitment|application) (biaya|charge|charges|cost|costs)",
    ],
    negations: UPFRONT_NEGATIONS,
    unlessAfter: [UPFRONT_TAKEN_BACK, "~3 (sesuai|follow|follows|mengikuti|menurut|according) ~2 (aturan|peraturan|rules|rule|regulation|regulations|ketentuan|bp2mi|kp2mi)"],
    unlessSentence: UPFRONT_OFFICIAL,
  },
  {
    // "pay 5 million rupiah to me first", "Pay IDR 20,000,000": "pay" as a verb; "monthly pay PHP 25,000" is the salary.
    id: "upfront_payment",
    patterns: ["pay (rp|idr|usd|rupiah|#)", "pay ~3 (# (juta|ribu)|to me|to us|ke saya|first|upfront|up front|in advance|before)"],
    negations: ["monthly", "basic", "base", "gaji", "your", "net", "gross", "daily", "hourly", "weekly", "take", "home", "is"],
    unlessAfter: "~3 (bulan|month|monthly|sebulan|per|hari|day|week|minggu|jam|hour|gaji|ditanggung|covered|paid by)",
  },
  {
    id: "urgency_pressure",
    negatable: false,
    patterns: [
      "(berangkat|terbang|fly|depart|start|mulai) (date|tanggal)? ~2 (# (hari|minggu|days|weeks)|besok|lusa|minggu (ini|depan)|bulan ini|akhir bulan|secepatnya|segera|langsung|cepat|kilat|hari ini|(senin|selasa|rabu|kamis|jumat|sabtu) (ini|depan)|(next|this) (week|monday|tuesday|wednesday|thursday|friday|saturday|sunday))",
      "# (hari|minggu|days|weeks) ~1 (langsung|sudah|already)? (berangkat|terbang|fly|kerja)",
      "(tidak pakai|tanpa|no) (lama|antri|antre|nunggu|menunggu|waiting)",
      "(paling lambat|batas waktu|deadline|sebelum) ~2 (besok|hari ini|malam ini|lusa|tomorrow|today|tonight)",
      "(ditutup|tutup|closes|closing|berakhir|ends) ~2 (hari ini|besok|lusa|minggu ini|(senin|selasa|rabu|kamis|jumat|sabtu) (ini)?|this week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|# (hari|days) lagi|in # days)",
      "(kuota|slot|tempat|posisi|seat|place) ~3 (hangus|diberikan|dialihkan|hilang|given|goes)",
      "(dalam|within) # (jam|hours)",
      "(prepare|siapkan|jadi|beres|selesai|ready|done|processed|diproses|proses) ~4 (in|within|dalam) # (days|hari)",
      "(langsung|segera|cepat) berangkat",
      "proses (cuma|hanya|cepat|kilat|singkat|express|instan|sehari)",
      "proses ~2 # (hari|minggu)",
      "(slot|kuota|tempat|kursi|seat|seats|spots|lowongan) ~2 (terbatas|sedikit|limited|tersisa|sisa|left|habis|hampir penuh|almost full)",
      "(only|hanya|tinggal|sisa|cuma) # (slot|slots|orang|kursi|seat|seats|spots|tempat|posisi|lagi)",
      "interview (hari ini|today|langsung|sekarang|now|besok)",
      "(hari ini|today) (juga|saja|only)",
      "(buruan|cepat|segera|hurry|asap) ~2 (daftar|hubungi|chat|japri|whatsapp|dm|pm|gabung|join|ambil|apply|register|contact|isi)",
      "(urgent|asap|hiring now)",
      "(dibutuhkan|dicari|butuh|needed|wanted) (segera|cepat|secepatnya|urgent|asap)",
      "(terbatas|limited) ~2 # (orang|slot|kursi|people|seats|spots|places|peserta)",
      "(jangan|do not) ~1 (kebanyakan|kelamaan|terlalu lama|lama lama|banyak) ~1 (mikir|pikir|tanya|nanya|think|wait|mikir mikir)",
      "(tidak usah|tidak perlu|no need to) ~2 (cek|check|verify|tanya|mikir|pikir|konfirmasi|diskusi)",
      "(siapa cepat dia dapat|first come first served|sebelum kehabisan|sebelum terlambat|kesempatan terakhir|last chance|limited time|before it is too late)",
      "(leave|fly|depart|start) ~2 (tomorrow|this week|next week|within # days|in # days|immediately|asap)",
    ],
  },
  {
    id: "passport_retention",
    patterns: [
      "paspor ~4 (dititipkan|dipegang|ditahan|disimpan|diserahkan|dikumpulkan|diamankan|disita|dikuasai|ditinggal|held|kept|retained|collected|surrendered|confiscated|taken|stored|secured|deposited|safeguarded)",
      "(serahkan|titipkan|kumpulkan|tahan|pegang|simpan|sita|hold|keep|keeps|retain|retains|collect|collects|take|takes|confiscate|hand over|hand in|surrender|leave|tinggalkan|titip) ~3 paspor",
      "paspor (stays|remains|tinggal|tetap) ~1 (with|di|pada|sama)",
      "paspor ~3 (for|untuk) (safekeeping|keamanan|disimpan)",
      "paspor ~2 (sebagai|as) (jaminan|collateral|deposit|guarantee)",
    ],
    unlessAfter: "~2 (sendiri|pemilik|yourself|with you|your own|tempat aman|safe place|baik baik)",
  },
  {
    id: "secrecy_or_lying",
    patterns: [
      "(rahasiakan|sembunyikan|diam diam|sembunyi sembunyi|tutupi) ~4 ({kin}|siapa|siapapun|orang lain|tetangga|imigrasi|petugas|aparat)",
      "jangan (bilang|kasih tahu|kasih tau|kasitau|cerita|ngomong|beritahu|kabari|lapor|share|sebar) ~3 ({kin}|siapa|siapapun|orang lain|tetangga|imigrasi|petugas|aparat|polisi|disnaker|pemerintah|desa|kades)",
      "(keep|kept) ~3 (private|secret|confidential|quiet|between us)",
      "(do not|never) (tell|inform|share|say|mention) ~3 ({kin}|anyone|anything|imigrasi|officers|police|anybody|agen|agency|office|disnaker|government|authorities)",
      "(bilang|ngaku|mengaku|katakan|jawab|say|tell|claim) ~6 (liburan|jalan jalan|wisata|berlibur|umroh|holiday|vacation|tourist|turis|tourism|berkunjung|jenguk|menjenguk|visiting)",
      "(bilang|ngaku|mengaku|katakan|jawab|say|tell|claim) ~3 (imigrasi|petugas|officer|officers) ~6 (liburan|jalan jalan|wisata|berlibur|umroh|holiday|vacation|tourist|turis|tourism|berkunjung|visiting)",
      "(pura pura|berpura pura|pretend|act as|menyamar) ~3 (turis|tourist|liburan|wisata|holiday|wisatawan)",
      "(ke|sama|kepada|to) ({kin}) (bilang|ngomong|bilangnya|say|tell)",
      "jangan (dishare|disebar|disebarkan|dibocorkan|bocorkan)",
      "(diam diam|sembunyi sembunyi|secretly) ~3 (berangkat|pergi|leave|go)",
      "(tidak usah|tidak perlu|no need to) (bilang|cerita|kasih tahu|kasih tau|beritahu|kabari|tell|inform) ~3 ({kin}|siapa|siapapun|orang lain|anyone)",
      "(data|dokumen|umur|usia|identitas|ktp|paspor|akta) ~2 (palsu|dipalsukan|dituakan|dimudakan|aspal)",
      "(fake|false|forged) (documents|data|identity|age)",
    ],
  },
  {
    id: "debt_or_penalty",
    patterns: [
      "(potong|dipotong|potongan|pemotongan) ~2 gaji",
      "gaji ~3 (dipotong|potong|potongan|deduction|deductions|ditahan|held|withheld)",
      "(deduct|deducted|deduction|deductions) ~5 gaji",
      "(denda|penalty|penalti|pinalti|ganti rugi)",
      "(fine|fined|kompensasi|compensation) ~5 (resign|keluar|berhenti|kabur|pulang|putus kontrak|quit|leave|leaving|break)",
      "(resign|keluar|berhenti|quit|leave) ~4 (sebelum|before|early) ~5 (bayar|pay|ganti|repay|refund|kembalikan|mengembalikan|reimburse)",
      "(break|breaking|breaks|putus|memutus|memutuskan|terminate|terminating) ~2 kontrak ~3 (costs|cost|biaya|bayar|pay|ganti|charge|charged|usd|rp)",
      "(resign|resigns|keluar|berhenti|quit|leave|kabur) ~6 (fine|fined)",
      "(later|nanti|sisanya|the rest|half|separuh|setengah) ~3 (from|dari) (your)? gaji",
      "(utang|hutang|debt|talangan|ditalangi|ditalangin|kasbon|dana talangan)",
      "(ditahan|withheld|held back|disimpan) ~3 (sampai|hingga|until) ~2 (kontrak|contract) (selesai|habis|berakhir|ends|finished|over|is over)",
      "(biaya|utang|hutang) ~3 (dicicil|cicil|nyicil|mencicil)",
      "(cicil|dicicil|nyicil|mencicil|installment|installments|repay) ~4 (gaji|biaya|tiket|cost|costs)",
    ],
  },
  {
    id: "scam_or_gambling_work",
    patterns: [
      "(judi|judol|gambling|casino|kasino|togel|betting|taruhan)",
      "slot (gacor|online)",
      "(scam|scamming|love scam|romance scam|penipuan online|penipuan daring|pig butchering)",
    ],
  },
];

export const POSITIVE_RULES: readonly PhraseRule<PositiveId>[] = [
  {
    id: "licensed_agency",
    patterns: [
      "(p3mi|sip3mi)",
      "(licensed|registered|berizin) (placement|recruitment)? (company|agency|perusahaan)",
      "(nomor|no) izin",
      "izin ~2 (bisa|dapat|silakan|can be) ~1 (dicek|cek|diperiksa|checked|verified)",
      "(licence|license) (number|no)",
    ],
  },
  {
    id: "official_channel",
    patterns: [
      "(siskop2mi|siapkerja|ltsa|bp3mi|p4mi|kemnaker|kp2mi|bp2mi|disnaker|dinas tenaga kerja|layanan terpadu satu atap)",
      "(kanal|situs|portal|website|aplikasi|app|laman) (karier)? resmi",
      "official (portal|channel|website|site|careers|app|ministry|government)",
      "(ministry|manpower office|kementerian)",
      "(lamaran|apply|daftar) ~3 (email resmi|official email)",
    ],
    unlessAfter: "(tidak perlu|tidak usah|not needed|no need|ribet|lama|repot|susah)",
  },
  {
    id: "government_programme",
    patterns: [
      "(g to g|government to government|program pemerintah|government (programme|program)|ijepa|eps topik|jicwels)",
    ],
  },
  {
    id: "work_visa",
    patterns: ["(visa|izin) kerja", "work (visa|permit)", "(employment|working) visa", "visa (bekerja|kerja)"],
    unlessAfter: `~3 (${LATER}|diurus bos)`,
  },
  {
    id: "contract_before_departure",
    patterns: [
      "(perjanjian|kontrak) (kerja|penempatan)",
      "employment (kontrak|agreement)",
      "(signed|written|tertulis) kontrak",
      "kontrak (tertulis|signed|ditandatangani|dijelaskan)",
      "kontrak # tahun",
      "(sebelum|before) ~3 (kontrak|perjanjian)",
      "tertulis di kontrak",
    ],
    unlessAfter: `~3 (${LATER})`,
  },
  { id: "social_security", patterns: ["(bpjs|jaminan sosial|social security)"] },
  { id: "pre_departure_orientation", patterns: ["(opp|orientasi pra|pre departure orientation|pre departure)"] },
  {
    id: "no_fee",
    negatable: false,
    patterns: [
      "(tidak|tanpa|no|bebas|zero|nol|free of|gratis) ~2 (biaya|pungutan|potongan|charge|charges|cost|costs)",
      "(tidak dipungut|tidak memungut|zero cost|free of charge|tanpa calo)",
      "biaya ~2 (nol|tidak ada)",
    ],
    unlessAfter: "(keberangkatan|perjalanan|tiket|pesawat|transport|transportasi|berangkat|hidup|makan)",
  },
  {
    id: "office_interview",
    patterns: [
      "(interview|interviews|wawancara|tes|test|seleksi|walk in|lamaran|datang|apply|daftar|verifikasi|come|visit|mampir) ~4 (di|at|ke|to) ~2 (kantor|office|pabrik|hotel|pos satpam|cabang|gedung|ltsa|disnaker|bp3mi|warung|toko|restoran|resto|rumah makan|kafe|cafe|shop|store|outlet)",
      "(drop by|walk in to|come to) ~2 (kantor|office|shop|store|toko|outlet|hotel|hr)",
      "walk in interview",
      "kantor cabang",
      "hrd (kantor|hotel|pabrik)",
    ],
  },
];
