import { describe, expect, it } from "vitest";
import { detectLanguage } from "../src/core/text/language.js";

describe("language detection on short, informal messages", () => {
  it.each([
    "gmn cara kerja di kamboja legal kak?",
    "brp biaya penempatan ke taiwan",
    "paspor saya ditahan",
    "Bolehkah saya bekerja di Malaysia?",
    "nomor call center KP2MI brp kak?",
    "visa kerja",
    "halo",
    "tolong",
  ])("Indonesian: %s", (text) => {
    expect(detectLanguage(text)).toBe("id");
  });

  it.each([
    "How do I check if an agency is licensed?",
    "I'm trapped, they took my passport",
    "Can I work on a tourist visa in Cambodia?",
    "Where is the KBRI in Phnom Penh",
    "work visa",
    "help",
  ])("English: %s", (text) => {
    expect(detectLanguage(text)).toBe("en");
  });

  it("falls back when there is nothing to judge", () => {
    expect(detectLanguage("", "en")).toBe("en");
    expect(detectLanguage("😀🙏😭", "en")).toBe("en");
    expect(detectLanguage("12345 !!!", "id")).toBe("id");
    expect(detectLanguage("\u0000\u0001\u0002")).toBe("id");
  });

  it("judges mixed-script text by its Latin words", () => {
    expect(detectLanguage("пожалуйста 工作 how do I get a work visa")).toBe("en");
    expect(detectLanguage("工作 gimana cara daftar kerja yg resmi")).toBe("id");
  });

  it("handles very long input (only the start is read)", () => {
    expect(detectLanguage("apakah saya bisa kerja ke luar negeri ".repeat(3_000))).toBe("id");
    expect(detectLanguage(`how do I apply for a work visa ${"x".repeat(100_000)}`)).toBe("en");
  });
});
