/** The Runs page's CSV export (apps/web/src/lib/csv.ts): escaping and the formula-injection guard. */
import { csvCell, jsonCell, toCsv } from "../../apps/web/src/lib/csv";
import { parseCsv } from "./harness";


describe("csvCell", () => {
  test("plain, empty, numbers and booleans", () => {
    expect(csvCell("abc")).toBe("abc");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(0.5)).toBe("0.5");
    expect(csvCell(-3)).toBe("-3"); // a number is not a formula
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(true)).toBe("true");
  });
  test("quotes, commas and newlines are quoted, quotes doubled", () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });
  test("text starting with = + - @ (or tab/CR) is prefixed with '", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=1")).toBe("a=1");
  });
  test("jsonCell", () => {
    expect(jsonCell({ a: 1 })).toBe('{"a":1}');
    expect(jsonCell(2)).toBe(2);
    expect(jsonCell(undefined)).toBeNull();
  });
});

test("toCsv round-trips through an RFC 4180 reader", () => {
  const rows = [
    ["r,1", 0.9, null, '"q"'],
    ["multi\nline", -1, true, "=cmd"],
  ];
  const text = toCsv(["name", "accuracy", "flag", "note"], rows);
  expect(text.endsWith("\r\n")).toBe(true);
  expect(parseCsv(text)).toEqual([
    ["name", "accuracy", "flag", "note"],
    ["r,1", "0.9", "", '"q"'],
    ["multi\nline", "-1", "true", "'=cmd"],
  ]);
});
