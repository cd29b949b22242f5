import { performance } from "node:perf_hooks";
import { Detector } from "/work/main/src/core/offers/detect.ts";
import { extractEntities } from "/work/main/src/core/offers/entities.ts";
import { findMoney } from "/work/main/src/core/offers/money.ts";
import { findPhoneNumbersInText } from "libphonenumber-js/max";
import { compileRules, matchRule, OfferText } from "/work/main/src/core/offers/matcher.ts";
import { FLAG_RULES, POSITIVE_RULES } from "/work/main/src/core/offers/rules.ts";
const P = ["🔥🔥 LOWONGAN KERJA LUAR NEGERI 🔥🔥 PT Global Karya Sukses membuka lowongan Customer Service dan Admin Input Data untuk kantor cabang di Phnom Penh, Kamboja.",
  "Gaji $1000-1500/bln + bonus target, bonus iPhone untuk karyawan terbaik. Tiket pesawat PP, mess AC dan makan 3x sehari ditanggung perusahaan.",
  "Syarat: pria/wanita usia 18-35 tahun, tanpa pengalaman, cukup bisa mengetik cepat dan sudah punya paspor. Tidak perlu ijazah, semua lulusan bisa daftar.",
  "Proses cepat cuma 1 minggu, berangkat pakai visa turis dulu, nanti visa kerja diurus di sana. Transit Kuala Lumpur lalu lanjut perjalanan darat ke lokasi.",
  "Biaya administrasi Rp2.500.000 transfer ke rekening admin sebagai DP, sisanya dipotong dari gaji 3 bulan pertama. Paspor dipegang HRD selama kontrak biar aman.",
  "Slot terbatas, interview langsung hari ini via Telegram @hrd_global_xx atau WhatsApp 0812-3456-7890. Jangan bilang ke keluarga dulu sampai kontrak ditandatangani.",
  "Info lengkap klik link t.me/loker_global_xx. Yang serius saja, jangan kebanyakan mikir, kesempatan terakhir bulan ini!"];
let text = ""; for (let i = 0; text.length < 2000; i++) text += P[i % P.length] + "\n";
const d = new Detector();
const T = (name: string, fn: () => unknown, n = 200) => { for (let i = 0; i < 20; i++) fn(); const t0 = performance.now(); for (let i = 0; i < n; i++) fn(); console.log(name.padEnd(20), ((performance.now() - t0) / n).toFixed(3), "ms"); };
T("detect", () => d.detect(text));
T("normalize", () => d.normalize(text));
const n = d.normalize(text);
T("extractEntities", () => extractEntities(n));
T("phones", () => findPhoneNumbersInText(text, "ID"));
T("money", () => findMoney(text));
const fr = compileRules(FLAG_RULES, { kind: "flag" });
for (const r of fr) T("flag " + r.rule.id, () => { const t = new OfferText(n); matchRule(t, r); }, 50);
const pr = compileRules(POSITIVE_RULES, { kind: "signal" });
T("positives all", () => { const t = new OfferText(n); for (const r of pr) matchRule(t, r); }, 50);
