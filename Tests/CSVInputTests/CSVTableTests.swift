import CSVInput
import ScanModel
import Testing

@Suite("CSV tables")
struct CSVTableTests {
  @Test func quotedFieldsAndLineNumbers() throws {
    let text = "id,text,code\r\n1,\"plain\",3.1\n2,\"two\nlines, with \"\"quotes\"\"\",4.2\n\n3,last,1.1\n"
    let table = try CSVTable.parse(text, file: "t.csv")
    #expect(table.header == ["id", "text", "code"])
    #expect(table.rows.map(\.line) == [2, 3, 6])
    #expect(table.rows[1][1] == "two\nlines, with \"quotes\"")
    #expect(try table.requiredColumn("CODE") == 2)
    #expect(table.column("missing", "text") == 1)
  }

  @Test func aByteOrderMarkIsNotPartOfTheFirstColumn() throws {
    let table = try CSVTable.parse("\u{FEFF}id,text\n1,a\n", file: "t.csv")
    #expect(table.header.first == "id")
  }

  @Test func emptyFilesAndMissingColumnsAreNamed() throws {
    #expect(throws: InputError.self) { try CSVTable.parse("  \n", file: "t.csv") }
    let table = try CSVTable.parse("a,b\n1,2\n", file: "t.csv")
    do {
      _ = try table.requiredColumn("rationale")
      Issue.record("a missing column was found")
    } catch let error as InputError {
      #expect(error.description == "t.csv:1: error: missing the column `rationale`; the header has `a`, `b`")
    }
  }
}
