package bj.gouv.masm.partners;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Demo partners whose shape follows the survey of the source document (document cadre MASM-PTF,
 * 2023): over 67% OSC; 91.9% social affairs only and 8.1% social affairs and microfinance;
 * women's empowerment/GBV and child protection close to 60% of the domains; activity concentrated
 * in Borgou, Alibori, Plateau, Zou and Collines, Atacora, Mono and Couffo under-served; about a
 * quarter nationwide. The PTF the source names (UNFPA, PNUD, FAO, GIZ, Ambassade de Belgique) are
 * real; every other name, contact and registration number is invented and says so ("Fictive",
 * "DEMO-OSC-0012", "@demo.invalid"). Deterministic: a fixed seed, no clock, no database.
 */
public final class DemoPartnerGenerator {

    public static final int DEFAULT_COUNT = 700;
    public static final long DEFAULT_SEED = 20230691L;
    public static final double OSC_SHARE = 0.72;
    public static final double BOTH_SUB_SECTORS_SHARE = 0.081;
    public static final double NATIONWIDE_SHARE = 0.25;

    static final Map<String, Integer> DEPARTMENT_WEIGHTS = weights(
            "BORGOU", 15, "ALIBORI", 14, "PLATEAU", 13, "ZOU", 13, "COLLINES", 13,
            "ATLANTIQUE", 7, "LITTORAL", 7, "OUEME", 7, "DONGA", 5,
            "ATACORA", 2, "MONO", 2, "COUFFO", 2);
    private static final Map<String, Integer> NATIONWIDE_HEAD_OFFICE_WEIGHTS = weights(
            "LITTORAL", 45, "ATLANTIQUE", 15, "OUEME", 12, "BORGOU", 8, "ZOU", 6, "PLATEAU", 4,
            "COLLINES", 4, "ALIBORI", 3, "DONGA", 3);
    private static final Map<String, Integer> SOCIAL_DOMAIN_WEIGHTS = weights(
            "WOMEN_EMPOWERMENT_GBV", 37, "CHILD_PROTECTION", 33, "SOCIAL_PROTECTION", 8, "GENDER_EQUALITY", 6,
            "FAMILY", 5, "HUMANITARIAN", 4, "PSYCHOSOCIAL", 3, "DISABILITY", 2, "ELDERLY", 2);
    private static final Map<String, Integer> OSC_TYPE_WEIGHTS = weights(
            "NATIONAL_NGO", 75, "INTERNATIONAL_NGO", 10, "FOUNDATION", 8, "REGIONAL_NGO", 7);
    private static final Map<String, Integer> PTF_TYPE_WEIGHTS = weights(
            "BILATERAL_AGENCY", 35, "MULTILATERAL", 20, "FOUNDATION", 20, "INTERNATIONAL_NGO", 20, "PRIVATE_SECTOR", 5);

    private static final String[][] OSC_PREFIXES = {
            {"ONG", "f"}, {"Association", "f"}, {"Fondation", "f"}, {"Réseau", "m"}, {"Collectif", "m"},
            {"Groupement", "m"}, {"Cercle", "m"}, {"Alliance", "f"}};
    private static final String[] OSC_WORDS = {"Lumière", "Espoir", "Soleil Levant", "Baobab", "Horizon", "Karité",
            "Rosée", "Étoile", "Colombe", "Source Vive", "Harmattan", "Lagune", "Iroko", "Flamboyant", "Arc-en-ciel",
            "Aube Nouvelle"};
    private static final String[][] PTF_PREFIXES = {
            {"Agence", "f", "de Coopération"}, {"Fonds", "m", "pour la Solidarité"},
            {"Programme", "m", "d'Appui Social"}, {"Fondation", "f", "pour l'Enfance"},
            {"Coopération", "f", "Décentralisée"}, {"Initiative", "f", "pour l'Inclusion"}};
    private static final String[] FIRST_NAMES = {"Adjoa", "Koffi", "Aïcha", "Mathieu", "Rachidatou", "Sèna", "Bio",
            "Chabi", "Gnon", "Yao", "Rékya", "Florentin", "Mariam", "Codjo", "Zénabou", "Innocent"};

    private final int count;
    private final long seed;

    public DemoPartnerGenerator() {
        this(DEFAULT_COUNT, DEFAULT_SEED);
    }

    public DemoPartnerGenerator(int count, long seed) {
        this.count = count;
        this.seed = seed;
    }

    public List<PartnerRequest> generate() {
        Random random = new Random(seed);
        List<PartnerRequest> partners = new ArrayList<>(realPtfs());
        int invented = count - partners.size();
        int oscCount = (int) Math.round(count * OSC_SHARE);
        int bothWanted = (int) Math.round(count * BOTH_SUB_SECTORS_SHARE)
                - (int) partners.stream().filter(p -> p.subSectors().size() == 2).count();
        int nationwideWanted = (int) Math.round(count * NATIONWIDE_SHARE)
                - (int) partners.stream().filter(p -> Boolean.TRUE.equals(p.nationwide())).count();
        List<Boolean> both = quota(invented, bothWanted, random);
        List<Boolean> nationwide = quota(invented, nationwideWanted, random);
        List<Boolean> osc = quota(invented, oscCount, random);
        int oscNumber = 0;
        int ptfNumber = 0;
        for (int i = 0; i < invented; i++) {
            if (osc.get(i)) {
                partners.add(osc(++oscNumber, both.get(i), nationwide.get(i), random));
            } else {
                partners.add(ptf(++ptfNumber, both.get(i), nationwide.get(i), random));
            }
        }
        return partners;
    }

    private PartnerRequest osc(int number, boolean both, boolean nationwide, Random random) {
        List<String> departments = nationwide ? List.of() : departments(random);
        String headOffice = nationwide ? pick(NATIONWIDE_HEAD_OFFICE_WEIGHTS, random) : departments.get(0);
        String[] prefix = OSC_PREFIXES[random.nextInt(OSC_PREFIXES.length)];
        String word = OSC_WORDS[random.nextInt(OSC_WORDS.length)];
        String name = prefix[0] + " " + word + " " + ("f".equals(prefix[1]) ? "Fictive" : "Fictif") + " "
                + ofDepartment(headOffice) + " n°" + number;
        String acronym = (initial(prefix[0]) + initial(word) + "F-" + headOffice.substring(0, 3) + "-" + number);
        List<String> domains = domains(both, random);
        String code = String.format("osc%04d", number);
        return new PartnerRequest(name, acronym, "OSC", pick(OSC_TYPE_WEIGHTS, random),
                String.format("DEMO-OSC-%04d", number), headOffice, subSectors(both), domains,
                targetGroups(domains, random), departments, nationwide, contact(number, random),
                code + "@demo.invalid", String.format("+229 01 00 00 %04d", number),
                "Quartier Fictif n°" + number + ", " + label(headOffice));
    }

    private PartnerRequest ptf(int number, boolean both, boolean nationwide, Random random) {
        List<String> departments = nationwide ? List.of() : departments(random);
        String[] prefix = PTF_PREFIXES[random.nextInt(PTF_PREFIXES.length)];
        String name = prefix[0] + " " + "Imaginaire" + " " + prefix[2]
                + " n°" + number;
        String registration = random.nextBoolean() ? String.format("DEMO-PTF-%04d", number) : null;
        List<String> domains = domains(both, random);
        String code = String.format("ptf%04d", number);
        return new PartnerRequest(name, initial(prefix[0]) + "I-" + number, "PTF", pick(PTF_TYPE_WEIGHTS, random),
                registration, nationwide || departments.size() > 1 ? "LITTORAL" : null, subSectors(both), domains,
                targetGroups(domains, random), departments, nationwide, contact(1000 + number, random),
                code + "@demo.invalid", String.format("+229 01 00 01 %04d", number),
                "Boulevard Fictif n°" + number + ", Cotonou");
    }

    /** The PTF the source document names; no invented contact details for real organisations. */
    private static List<PartnerRequest> realPtfs() {
        return List.of(
                real("Fonds des Nations Unies pour la population", "UNFPA", "MULTILATERAL", List.of("SOCIAL_AFFAIRS"),
                        List.of("WOMEN_EMPOWERMENT_GBV", "GENDER_EQUALITY"), List.of("WOMEN", "GIRLS")),
                real("Programme des Nations Unies pour le développement", "PNUD", "MULTILATERAL",
                        List.of("SOCIAL_AFFAIRS", "MICROFINANCE"), List.of("SOCIAL_PROTECTION", "FINANCIAL_INCLUSION"),
                        List.of("WOMEN", "CHILDREN")),
                real("Organisation des Nations Unies pour l'alimentation et l'agriculture", "FAO", "MULTILATERAL",
                        List.of("SOCIAL_AFFAIRS"), List.of("SOCIAL_PROTECTION", "HUMANITARIAN"),
                        List.of("WOMEN", "CHILDREN")),
                real("Deutsche Gesellschaft für Internationale Zusammenarbeit", "GIZ", "BILATERAL_AGENCY",
                        List.of("SOCIAL_AFFAIRS"), List.of("SOCIAL_PROTECTION", "WOMEN_EMPOWERMENT_GBV"),
                        List.of("WOMEN", "GIRLS")),
                real("Ambassade de Belgique", null, "BILATERAL_AGENCY", List.of("SOCIAL_AFFAIRS"),
                        List.of("WOMEN_EMPOWERMENT_GBV", "CHILD_PROTECTION"), List.of("WOMEN", "CHILDREN")));
    }

    private static PartnerRequest real(String name, String acronym, String type, List<String> subSectors,
                                       List<String> domains, List<String> targets) {
        return new PartnerRequest(name, acronym, "PTF", type, null, "LITTORAL", subSectors, domains, targets,
                List.of(), true, null, null, null, null);
    }

    private static List<String> subSectors(boolean both) {
        return both ? List.of("SOCIAL_AFFAIRS", "MICROFINANCE") : List.of("SOCIAL_AFFAIRS");
    }

    private static List<String> departments(Random random) {
        int roll = random.nextInt(100);
        int wanted = roll < 55 ? 1 : roll < 85 ? 2 : 3;
        return List.copyOf(pickDistinct(DEPARTMENT_WEIGHTS, wanted, random));
    }

    private static List<String> domains(boolean both, Random random) {
        int roll = random.nextInt(100);
        int wanted = roll < 50 ? 1 : roll < 85 ? 2 : 3;
        Set<String> domains = new LinkedHashSet<>();
        if (both) {
            domains.add(random.nextBoolean() ? "MICROFINANCE" : "FINANCIAL_INCLUSION");
            wanted = Math.max(1, wanted - 1);
        }
        domains.addAll(pickDistinct(SOCIAL_DOMAIN_WEIGHTS, wanted, random));
        return List.copyOf(domains);
    }

    private static List<String> targetGroups(List<String> domains, Random random) {
        Set<String> targets = new LinkedHashSet<>();
        for (String domain : domains) {
            switch (domain) {
                case "WOMEN_EMPOWERMENT_GBV" -> {
                    targets.add("WOMEN");
                    if (random.nextBoolean()) {
                        targets.add("GIRLS");
                    }
                }
                case "CHILD_PROTECTION" -> {
                    targets.add("CHILDREN");
                    if (random.nextInt(10) < 4) {
                        targets.add("GIRLS");
                    }
                }
                case "GENDER_EQUALITY" -> {
                    targets.add("WOMEN");
                    targets.add("GIRLS");
                }
                case "ELDERLY" -> targets.add("ELDERLY");
                case "DISABILITY" -> targets.add("DISABLED");
                case "FAMILY" -> {
                    targets.add("CHILDREN");
                    targets.add("WOMEN");
                }
                case "FINANCIAL_INCLUSION", "MICROFINANCE" -> targets.add("WOMEN");
                default -> targets.add(random.nextBoolean() ? "WOMEN" : "CHILDREN");
            }
        }
        return List.copyOf(targets);
    }

    private static String contact(int number, Random random) {
        return FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " Démo-" + number;
    }

    /** Exactly {@code wanted} true values among {@code size}, in a seeded random order. */
    private static List<Boolean> quota(int size, int wanted, Random random) {
        List<Boolean> flags = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            flags.add(i < wanted);
        }
        Collections.shuffle(flags, random);
        return flags;
    }

    private static String pick(Map<String, Integer> weights, Random random) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int roll = random.nextInt(total);
        for (Map.Entry<String, Integer> entry : weights.entrySet()) {
            roll -= entry.getValue();
            if (roll < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static Set<String> pickDistinct(Map<String, Integer> weights, int wanted, Random random) {
        Map<String, Integer> left = new LinkedHashMap<>(weights);
        Set<String> picked = new LinkedHashSet<>();
        while (picked.size() < wanted && !left.isEmpty()) {
            String code = pick(left, random);
            picked.add(code);
            left.remove(code);
        }
        return picked;
    }

    private static String ofDepartment(String department) {
        return switch (department) {
            case "ALIBORI" -> "de l'Alibori";
            case "ATACORA" -> "de l'Atacora";
            case "ATLANTIQUE" -> "de l'Atlantique";
            case "OUEME" -> "de l'Ouémé";
            case "COLLINES" -> "des Collines";
            case "DONGA" -> "de la Donga";
            default -> "du " + label(department);
        };
    }

    private static String label(String department) {
        return "OUEME".equals(department) ? "Ouémé"
                : department.charAt(0) + department.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String initial(String word) {
        String plain = java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<String, Integer> weights(Object... pairs) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            weights.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(weights);
    }
}
