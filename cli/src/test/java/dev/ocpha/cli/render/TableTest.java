package dev.ocpha.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columns_areAsWideAsTheirWidestCell_andMissingValuesShowAsADash() {
        String text = new Table("ID", "NAME").row("1", "a-long-name").row("22", null).render();

        assertEquals("""
                ID  NAME
                1   a-long-name
                22  -
                """, text);
    }

    @Test
    void aRowOfTheWrongWidth_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Table("A", "B").row("only one"));
    }
}
