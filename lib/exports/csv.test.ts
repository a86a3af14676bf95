import { describe, expect, test } from "vitest";
import { csvRow } from "./csv";

describe("csvRow", () => {
  test("quotes, escapes and defuses formulas", () => {
    expect(csvRow(["a", 'say "hi"', "x,y", null, 12, -5])).toBe('a,"say ""hi""","x,y",,12,-5\r\n');
    expect(csvRow(["=HYPERLINK(1)", "+27 82", "@SUM", "-1"])).toBe(
      "'=HYPERLINK(1),'+27 82,'@SUM,'-1\r\n",
    );
    expect(csvRow(["line\nbreak"])).toBe('"line\nbreak"\r\n');
  });
});
