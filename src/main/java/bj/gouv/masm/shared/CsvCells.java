package bj.gouv.masm.shared;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one place every CSV export goes through so that no cell is read as a formula by a spreadsheet
 * (OWASP "CSV injection"): a text cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * a carriage return is prefixed with an apostrophe. Numbers are written as they are (a negative amount
 * stays a number). Imports read their bytes with {@link #decode}.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The text as a spreadsheet must show it: {@code =1+1} → {@code '=1+1}. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    /** A cell of any type: text is neutralised, anything else (numbers, dates) written as it is. */
    public static Object cell(Object value) {
        return value instanceof CharSequence text ? neutralise(text.toString()) : value;
    }

    /** {@link CSVPrinter#printRecord(Iterable)} with every cell neutralised. */
    public static void printRecord(CSVPrinter printer, Iterable<?> cells) throws IOException {
        List<Object> safe = new ArrayList<>();
        for (Object value : cells) {
            safe.add(cell(value));
        }
        printer.printRecord(safe);
    }

    /** {@link CSVPrinter#printRecord(Object...)} with every cell neutralised. */
    public static void printRecord(CSVPrinter printer, Object... cells) throws IOException {
        printRecord(printer, java.util.Arrays.asList(cells));
    }

    /** An imported file's text: UTF-8 (BOM removed); a file saved by Excel as Windows-1252 is read as such rather than garbled. */
    public static String decode(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            text = new String(content, Charset.forName("windows-1252"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
