/**
 * Reads the official list of licensed placement companies from CSV (format: docs/agencies-csv.md).
 * Header names are matched loosely in Indonesian or English ("nama_perusahaan", "Nama Perusahaan", "name"),
 * commas or semicolons separate fields (spreadsheets exported with an Indonesian locale use ";").
 * Bad rows are reported with their line number and skipped; they never stop the import.
 */
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { AgencyRecord, AgencyStatus } from "./agencies.js";

const HEADERS: Readonly<Record<keyof AgencyRecord, readonly string[]>> = {
  name: ["name", "nama", "nama_perusahaan", "perusahaan", "company", "company_name", "nama_p3mi", "p3mi"],
  licence: ["licence", "license", "licence_number", "license_number", "no_izin", "nomor_izin", "izin", "sip3mi", "no_sip3mi", "nomor_sip3mi"],
  address: ["address", "alamat", "alamat_kantor"],
  status: ["status", "status_izin", "keterangan", "licence_status", "license_status"],
  validUntil: ["valid_until", "berlaku_sampai", "masa_berlaku", "expiry", "expires", "expiry_date", "tanggal_berakhir"],
};

const LICENSED = /^(licensed|aktif|active|berlaku|valid|berizin|terdaftar|ok|ya|yes|y|1)$/;
const NOT_LICENSED = /(cabut|revoked|expired|kadaluarsa|kedaluwarsa|habis|tidak aktif|nonaktif|non aktif|inactive|suspend|dibekukan|beku|blacklist|ditolak|invalid|^0$|^no$|^tidak$)/;

export class AgencyCsvError extends Error {}

export interface CsvProblem {
  line: number;
  reason: string;
}

const headerKey = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, "_");

function parseStatus(raw: string | undefined): AgencyStatus | undefined {
  const v = (raw ?? "").trim().toLowerCase().replace(/[-_]/g, " ");
  // A list of licensed companies: a row without a status is a licensed company.
  if (!v || LICENSED.test(v)) return "licensed";
  if (NOT_LICENSED.test(v)) return "revoked_or_expired";
  return undefined;
}

/** "2026-03-31", "31/03/2026", "31-03-2026" → "2026-03-31". */
function parseDate(raw: string | undefined): string | undefined | null {
  const v = (raw ?? "").trim();
  if (!v) return undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (m) return iso(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (m) return iso(m[3]!, m[2]!, m[1]!);
  return null;
}

function iso(y: string, mo: string, d: string): string | null {
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

const recordSchema = z.object({
  name: z.string().trim().min(2).max(200),
  licence: z.string().trim().max(100).optional(),
  address: z.string().trim().max(500).optional(),
});

export function parseAgencyCsv(text: string): { records: AgencyRecord[]; problems: CsvProblem[] } {
  const rows = parse(text.replace(/^\uFEFF/, ""), {
    delimiter: [",", ";"],
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...body] = rows;
  if (!header) return { records: [], problems: [] };
  const columns = header.record.map(headerKey);
  const column = (field: keyof AgencyRecord) => columns.findIndex((c) => HEADERS[field].includes(c));
  const at = Object.fromEntries((Object.keys(HEADERS) as (keyof AgencyRecord)[]).map((f) => [f, column(f)])) as Record<keyof AgencyRecord, number>;
  if (at.name < 0) throw new AgencyCsvError("no name column");

  const records: AgencyRecord[] = [];
  const problems: CsvProblem[] = [];
  for (const { record: cells, info } of body) {
    if (cells.every((c) => !c)) continue;
    const cell = (field: keyof AgencyRecord) => (at[field] >= 0 ? cells[at[field]] || undefined : undefined);
    const parsed = recordSchema.safeParse({ name: cell("name"), licence: cell("licence"), address: cell("address") });
    const status = parseStatus(cell("status"));
    const validUntil = parseDate(cell("validUntil"));
    if (!parsed.success) problems.push({ line: info.lines, reason: "name missing or too long" });
    else if (!status) problems.push({ line: info.lines, reason: `unknown status "${cell("status")}"` });
    else if (validUntil === null) problems.push({ line: info.lines, reason: `unreadable date "${cell("validUntil")}"` });
    else {
      records.push({
        name: parsed.data.name,
        status,
        ...(parsed.data.licence ? { licence: parsed.data.licence } : {}),
        ...(parsed.data.address ? { address: parsed.data.address } : {}),
        ...(validUntil ? { validUntil } : {}),
      });
    }
  }
  return { records, problems };
}
