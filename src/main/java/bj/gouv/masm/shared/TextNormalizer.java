package bj.gouv.masm.shared;

import java.text.Normalizer;
import java.util.Locale;

/** Compares names and headers the way a clerk reads them: case, accents and spacing ignored. */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\u00A0]+", " ")
                .trim();
    }

    /** A key for headers and codes: normalised, spaces/dashes turned into underscores. */
    public static String key(String text) {
        return normalise(text).replaceAll("[\\s\\-']+", "_");
    }
}
