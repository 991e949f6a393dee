/// The language table of the time grammar: the words a post time may be written with, per language, with their
/// accents folded (`März` as `marz`, `środa` as `sroda`, `à` as `a`). `TimeLineRecognizer` composes them with one
/// grammar (clock, labels, date parts, separators), so a new language adds a row here and no code.
///
/// Languages: English, German, French, Italian, Spanish, Portuguese, Dutch, Polish, Swedish, Danish and
/// Norwegian, Czech, Romanian, Hungarian, Finnish.
enum TimeWords {
    /// Month names and abbreviations, by month number.
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        for (month, words) in monthRows.enumerated() {
            for word in words.split(separator: " ") where table[String(word)] == nil {
                table[String(word)] = month + 1
            }
        }
        return table
    }()

    /// One row per month: every language's name and abbreviation (and the genitive a date uses).
    private static let monthRows: [String] = [
        "jan january januar janner janvier janv gennaio gen enero ene janeiro januari stycznia styczen sty "
            + "ledna leden ianuarie ian tammikuuta tammikuu tammi",
        "feb february februar fevrier fevr fev febbraio febrero fevereiro februari lutego luty lut unora unor "
            + "februarie helmikuuta helmikuu helmi",
        "mar march marz maerz mars marzo marco maart mrt marca marzec brezna brezen martie marcius maaliskuuta "
            + "maaliskuu maalis marts",
        "apr april avril avr aprile abril abr kwietnia kwiecien kwi dubna duben aprilie aprilis huhtikuuta "
            + "huhtikuu huhti",
        "may mai maggio mag mayo maio mei maja maj kvetna kveten majus toukokuuta toukokuu touko",
        "jun june juni juin giugno giu junio junho czerwca czerwiec cze cervna cerven iunie junius kesakuuta "
            + "kesakuu kesa",
        "jul july juli juillet juil luglio lug julio julho lipca lipiec lip cervence cervenec iulie julius "
            + "heinakuuta heinakuu heina",
        "aug august aout agosto ago augustus sierpnia sierpien sie srpna srpen augusti augusztus elokuuta elokuu elo",
        "sep sept september septembre settembre set septiembre setiembre setembro wrzesnia wrzesien wrz zari "
            + "septembrie szeptember syyskuuta syyskuu syys",
        "oct october okt oktober octobre ottobre ott octubre outubro out pazdziernika pazdziernik paz rijna rijen "
            + "octombrie lokakuuta lokakuu loka",
        "nov november novembre novembro noviembre listopada listopad lis listopadu noiembrie marraskuuta "
            + "marraskuu marras",
        "dec december dez dezember decembre dicembre dic diciembre dezembro grudnia grudzien gru prosince "
            + "prosinec decembrie desember joulukuuta joulukuu joulu",
    ]

    /// Weekday names and abbreviations. Words that are also months (`mar`) are left out: a month is read first.
    static let weekdays: Set<String> = {
        var words = Set<String>()
        for row in weekdayRows { for word in row.split(separator: " ") { words.insert(String(word)) } }
        return words.subtracting(months.keys)
    }()

    private static let weekdayRows: [String] = [
        "mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday",
        "montag mo dienstag di mittwoch mi donnerstag do freitag fr samstag sa sonnabend sonntag so",
        "lundi lun mardi mercredi mer jeudi jeu vendredi ven samedi sam dimanche dim",
        "lunedi martedi mercoledi giovedi gio venerdi sabato sab domenica dom",
        "lunes martes miercoles mie jueves jue viernes vie domingo",
        "segunda terca quarta quinta sexta seg ter qua qui sex",
        "maandag ma dinsdag woensdag wo donderdag vrijdag vr zaterdag za zondag zo",
        "poniedzialek pon wtorek wt sroda sr czwartek czw piatek pt sobota sob niedziela niedz nd",
        "mandag mandagen tisdag tirsdag onsdag torsdag fredag lordag sondag",
        "pondeli utery streda ctvrtek patek sobota nedele",
        "luni marti miercuri joi vineri sambata duminica",
        "hetfo kedd szerda csutortok pentek szombat vasarnap",
        "maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai",
    ]

    /// Words that may stand before a time: "Posted at", "Aktualisiert um", "Aggiornato alle", "ore", "godz.",
    /// "kl.", "klo", "às", "a las", "om".
    static let prefixWords: Set<String> = [
        "posted", "updated", "published", "last",
        "aktualisiert", "aktualisierung", "stand", "veroffentlicht", "um",
        "aggiornato", "aggiornamento", "pubblicato", "alle", "ore",
        "publie", "mis", "actualise",
        "actualizado", "publicado", "as",
        "aktualizacja", "zaktualizowano", "opublikowano", "godz", "godzina",
        "bijgewerkt", "gepubliceerd", "kl", "klo", "kello",
        "uppdaterad", "publicerad", "opdateret", "oppdatert", "publiceret", "publisert",
        "aktualizovano", "publikovano", "actualizat", "publicat", "ora", "frissitve", "paivitetty", "julkaistu",
    ]

    /// Small words between a prefix and the time: "at", "on", "um", "à jour le", "alle", "o", "a las".
    static let prefixJoiners: Set<String> = [
        "at", "on", "updated", "a", "jour", "le", "il", "de", "el", "o", "om", "am", "las", "la", "v", "kl", "klo",
        "ore", "godz",
    ]

    /// Words between a date and its clock: "at", "um", "alle", "ore", "o", "om", "godz.", "kl.", "à", "a las".
    static let dateClockJoiners: Set<String> = [
        "at", "a", "um", "alle", "ore", "o", "om", "godz", "kl", "klo", "kello", "as", "las", "v", "ora", "de",
    ]

    /// Words after a clock that say "o'clock" rather than a zone: `11.04 Uhr`, `14 h`, `14.05 uur`, `14:05 hod.`
    static let clockWords: Set<String> = ["uhr", "h", "hs", "hrs", "godz", "heures", "uur", "hod", "tim", "ora"]

    /// Zone names newsrooms print, with their offsets in minutes east of UTC.
    static let zones: [String: Int] = [
        "gmt": 0, "utc": 0, "z": 0, "wet": 0, "bst": 60, "ist": 330, "cet": 60, "cest": 120, "mez": 60, "mesz": 120,
        "west": 60, "eet": 120, "eest": 180, "msk": 180, "sast": 120,
        "et": -300, "est": -300, "edt": -240, "ct": -360, "cst": -360, "cdt": -300, "mt": -420, "mst": -420,
        "mdt": -360, "pt": -480, "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
        "aest": 600, "aedt": 660, "acst": 570, "acdt": 630, "awst": 480, "nzst": 720, "nzdt": 780,
        "jst": 540, "kst": 540, "hkt": 480, "sgt": 480, "pkt": 300, "wib": 420,
    ]

    /// Units of a relative age (`4m ago`, `vor 5 Minuten`, `5 minuti fa`), in seconds.
    static let ageUnits: [String: Int] = {
        var table: [String: Int] = [:]
        let rows: [(Int, String)] = [
            (1, "s sec secs second seconds sekunden sek secondes secondi segundos segundo sekund sekundy seconden"),
            (
                60,
                "m min mins minute minutes minuten minuti minuto minutos minut minuty minuter minutter perc"
                    + " minuutti minuuttia"
            ),
            (
                3600,
                "h hr hrs hour hours std stunde stunden heure heures ora ore hora horas godz godzina godziny godzin"
                    + " uur timme timmar time timer hodin hodiny ora ore tunti tuntia"
            ),
            (86400, "d day days tag tagen jour jours giorno giorni dia dias dzien dni dag dagen dage dny zile"),
        ]
        for (seconds, words) in rows {
            for word in words.split(separator: " ") { table[String(word)] = seconds }
        }
        return table
    }()

    /// Words after a number and unit that make it an age: "ago", "fa", "temu", "geleden", "sedan", "siden".
    static let ageSuffixes: Set<String> = ["ago", "fa", "temu", "geleden", "sedan", "siden", "sitten", "zpet"]
    /// Words before a number and unit that make it an age: "vor", "il y a", "hace", "ha", "há", "pred", "acum".
    static let agePrefixes: Set<String> = ["vor", "hace", "ha", "pred", "acum"]
}
