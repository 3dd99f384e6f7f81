package dev.burnrate.plugins.support.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    private static CsvTable read(String text) throws IOException {
        return CsvTable.read("test.csv", new StringReader(text));
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        CsvTable table = read("a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\n,,3\n");
        assertThat(table.rows()).hasSize(2);
        CsvRow first = table.rows().get(0);
        assertThat(first.text("b")).isEqualTo("x, \"y\"");
        assertThat(first.text("c")).isEqualTo("two\nlines");
        CsvRow second = table.rows().get(1);
        assertThat(second.line()).isEqualTo(4);
        assertThat(second.text("a")).isNull();
        assertThat(second.decimal("c")).isEqualTo(3.0);
    }

    @Test
    void errorsNameFileLineAndColumn() throws IOException {
        CsvTable table = read("price,flag\nabc,maybe\n");
        CsvRow row = table.rows().get(0);
        assertThatThrownBy(() -> row.decimal("price")).hasMessage("test.csv:2: column price is not a number: 'abc'");
        assertThatThrownBy(() -> row.bool("flag")).hasMessageContaining("test.csv:2: column flag must be true or false");
        assertThatThrownBy(() -> read("a,b\n1\n")).hasMessage("test.csv:2: expected 2 fields like the header but found 1");
        assertThatThrownBy(() -> read("a\n\"open\n")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> table.requireColumns("Region")).hasMessageContaining("required column 'Region'");
    }
}
