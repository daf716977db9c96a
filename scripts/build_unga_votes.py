"""Build data/unga_votes.csv and data/unga_resolutions.csv from the research notes.

Run once by hand from the repository root (the notes live outside it, read-only):

    .venv/bin/python scripts/build_unga_votes.py ../shared/reference

Input: ``unga_votes.csv`` (54 countries x 6 resolutions: vote and source URLs) and the matrix
of ``unga_votes.md`` (``*`` marks a medium-confidence vote, otherwise high); for Ukraine's text
of 24 Feb 2025 (ES-11/7), facts U01-U05 of ``since_the_story.csv``: U03 names all 18 states that
voted against, so the 8 African ones are ``no``; Wikipedia's page on the resolution (read 6 Dec
2026, not in the notes) names all 93 states that voted for it, so the African ones among them are
``yes`` (medium: one tertiary source) and every other African state, in neither list, is
``abstain_or_absent`` (medium: by elimination from complete lists of the other two), except where
a source disagrees (Rwanda: APA names it as voting yes), which stays ``unknown``. Nothing is
guessed: every vote is copied as the notes give it, ``unknown`` stays ``unknown`` (no confidence:
the notes give none), and each source URL is mapped to its id in data/sources.csv (the script stops
on a URL it does not know). Row notes carry the caveats the notes give for that country and
resolution; what applies to a whole resolution is in data/unga_resolutions.csv.

It does not write data/sources.csv: the rows URL_IDS points to are kept there by hand (original
publisher, published headline, dates, the copy read, rights), and tests/test_sources.py holds them
to that table's rules. Keep the ids below in step with it.
"""

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOTES = ROOT / "data" / "unga_votes.csv"
RESOLUTIONS = ROOT / "data" / "unga_resolutions.csv"
SYMBOLS = [f"A/RES/ES-11/{i}" for i in range(1, 7)]  # the six of unga_votes.md
ES7 = "A/RES/ES-11/7"
MATRIX_CODES = {"Y": "yes", "N": "no", "A": "abstain", "–": "absent", "?": "unknown"}

# A distinctive part of each source URL in unga_votes.csv -> source_id in data/sources.csv.
URL_IDS = {
    "Resolution_ES-11/1": "unga-wikipedia-es11-1",
    "le1.ma/": "unga-le1ma-es11-1",
    "//allafrica.com/stories/202203030068": "unga-allafrica-2022-03-03",
    "theafricareport.com/181222": "unga-theafricareport-es11-1",
    "fr.allafrica.com/stories/202203250445": "unga-aps-es11-2",
    "senenews.com/": "unga-senenews-es11-2",
    "nra.lv/": "unga-nra-es11",
    "press.un.org/en/2022/ga12411": "un-press-ga12411",
    "koreanewsgazette.com/": "unga-trend-interfax-es11-2",
    "yabiladi.com/": "unga-yabiladi-es11-2",
    "perspectivesmed.com/": "unga-perspectivesmed-es11-3",
    "afro.news/": "unga-afronews-2022-11-16",
    "lesinfosdeguinee.com/": "unga-rfi-es11-3",
    "tass.com/": "unga-tass-es11-3",
    "slconcordtimes.com/": "unga-concordtimes-es11-3",
    "inews.co.uk/": "unga-inews-es11-3",
    "sunbight.wordpress.com/": "unga-sunbight-2022-04-08",
    "interfax.com.ua/": "unga-interfax-ukraine-865264",
    "glavcom.ua/": "unga-glavcom-es11-4",
    "thiesinfo.com/": "unga-thiesinfo-es11-4",
    "ES-11/4%E5%8F%B7": "unga-wikipedia-zh-es11-4",
    "actusalade.tg/": "unga-actusalade-es11-4",
    "beninwebtv.com/": "unga-beninwebtv-es11-4",
    "le360.ma/": "unga-le360-es11-4",
    "jeuneafrique.com/": "unga-jeuneafrique-es11-4",
    "ln24sa.com/": "unga-ln24sa-2022-10-17",
    "thechronicle.com.gh/": "unga-chronicle-gh-es11-4",
    "pressafrik.com/": "unga-pressafrik-2022-10-13",
    "Resolution_ES-11/5": "unga-wikipedia-es11-5",
    "ES-11/5%E5%8F%B7": "unga-wikipedia-zh-es11-5",
    "inkl.com/": "unga-aljazeera-es11-5",
    "apanews.net/": "unga-apa-es11-5",
    "africapresse.com/": "unga-africapresse-es11-5",
    "jotaay.net/": "unga-lesechos-es11-5",
    "ghanaweb.com/": "unga-ghanaweb-es11-6",
    "morningstaronline.co.uk/": "unga-morningstar-es11-6",
    "china2au.com/": "unga-china2au-2023-02-24",
    "aljazeera.com/news/2023/2/24": "unga-aljazeera-2023-02-24",
    "Resolution_ES-11/6": "unga-wikipedia-es11-6",
}

# Rows whose vote the notes work out by elimination from complete lists of the other categories.
ELIMINATED = {
    3: {"DJI", "GNQ", "GIN", "STP", "SOM", "ZMB", "BEN", "BFA", "MRT", "MAR", "RWA"},
    4: {"MWI", "MRT", "MUS", "NER", "NGA", "SYC", "SOM", "TUN", "ZMB"},
    5: {"BFA", "CMR", "COD", "MAR"},
    6: {"SOM", "SSD", "TZA", "TUN", "ZMB"},
}
ELIMINATION_NOTE = {
    3: "Absent by elimination: in none of the named in favour, against or abstain lists; "
       "the 11 such states match RFI's count of 11 African absentees.",
    4: "Yes by elimination: in none of the complete abstention lists (Interfax-Ukraine, "
       "Glavcom, Thiesinfo) nor among the 5 African absentees; the Chinese-Wikipedia yes list "
       "was read only to 'Italy'.",
    5: "Absent by elimination: in neither the complete yes and no lists (Wikipedia) nor the "
       "abstentions A to 'Rwan…' (Al Jazeera).",
    6: "Yes by elimination: not among the named against, abstaining or non-voting states.",
}
UNKNOWN_NOTE = {
    2: "Unknown: no per-country list of ES-11/2 was found (the annex of GA/12411 and UN "
       "record 3965954 were not read). GA/12411 names the five states against, Eritrea the "
       "only African one, so this vote was not against; yes, abstain or absent is not known.",
    5: "Unknown: not in the complete yes and no lists (Wikipedia) and after 'Rwan…' in the "
       "abstentions read (Al Jazeera). The African totals (APA: 27 abstentions, 7 absentees) "
       "say 3 of the 5 unknowns abstained and 2 did not vote, but no source seen says which.",
}
MEDIUM_NOTE = {
    (2, "absent"): "Only in nra.lv's partial alphabetical absentee list (cut off after "
                   "'Somali…'), which may be incomplete.",
    (3, "abstain"): "Named as abstaining by RFI only.",
    (4, "yes"): "Named as yes by one source only.",
    (5, "yes"): "From the Wikipedia table's complete yes list; its English, French and Chinese "
                "copies are one table, so a single source.",
    (5, "abstain"): "Named by one source only (Al Jazeera's abstentions A to 'Rwan…', or "
                    "Africa Presse).",
    (6, "yes"): "Named as yes by Al Jazeera only.",
}
ROW_NOTES = {
    (1, "GNQ"): "Abstention in the announced total (35) and every full list; but "
                "thelondoneconomic also lists it as 'no vote recorded', thedailyaus lists 34 "
                "abstentions without it, and move2turkey reports that the hall's screen showed 34 "
                "while the President announced 35. The one possible recording glitch found; "
                "kept as abstain, following the announced and documented total.",
    (1, "STP"): "allAfrica's list of 27 African yes votes leaves it out; the other sources list "
                "it as yes.",
    (1, "SOM"): "Somali Dispatch also reports the yes (per the research notes).",
    (1, "COD"): "Two secondary pieces (tracknews, ntm.ng) say 'Congo voted yes', probably "
                "meaning DR Congo.",
    (1, "COG"): "Not the 'Congo' that two secondary pieces say voted yes (probably DR Congo).",
    (1, "SWZ"): "nra.lv's ES-11/1 absentee list leaves it out; the full lists have it absent.",
    (2, "ERI"): "One of the five states against named by GA/12411.",
    (2, "SEN"): "APS (citing the results board) and SeneNews (citing the full vote posted by "
                "Carrie Nooten) agree; RFI later noted that Senegal had abstained on two earlier "
                "texts, which the research notes read as ES-11/1 and ES-11/3.",
    (2, "MRT"): "Only from a tweet by Finland's ambassador quoted by Yabiladi.",
    (2, "CAF"): "Trend (citing Interfax) only.",
    (2, "ZAF"): "Daily Maverick (read via afro.news): South Africa abstained on every UN "
                "resolution on the war up to Nov 2022.",
    (3, "SEN"): "Seneweb also reports the abstention (per the research notes).",
    (4, "DJI"): "Named absent by Thiesinfo only; the BBC-based pieces name 4 absentees without "
                "it. Missing from the Chinese-Wikipedia yes list and both full abstention "
                "lists, and conakryplanete counts 5 African non-voters. To check against UN "
                "record 3990400.",
    (4, "MAR"): "Le360 and hespress report the yes.",
    (5, "SEN"): "Les Echos (via jotaay): Senegal did not take part in the vote.",
    (5, "ZAF"): "Africa Presse and Daily Maverick (read via afro.news).",
    (6, "SSD"): "RFI notes that South Sudan changed its vote (it abstained on the earlier "
                "texts).",
    (6, "BFA"): "RFI calls its non-participation 'abstention'.",
    (6, "SEN"): "RFI calls its non-participation 'abstention'.",
    (6, "BDI"): "Premium Times lists it among the abstainers but places it outside Africa.",
    (6, "MAR"): "Le360 and Yabiladi also report the yes.",
}

# ES-11/7 (24 Feb 2025), from since_the_story.csv. U03 (high) names the 18 no votes; its three
# sources name the African ones as below (Ukrainska Pravda names all 18). U04 (APA, low, its
# counts add up to 47 not 54) names some yes votes and abstentions: recorded in the row notes,
# never used as the vote.
ES7_SOURCES = {  # source_id -> the African no votes it names (None: names all of them)
    "unga-pravda-es11-7": None,
    "unga-euromaidan-es11-7": {"ERI", "NER", "MLI", "SDN"},
    "unga-apa-es11-7": {"NER", "BFA", "MLI", "ERI", "SDN", "BDI"},
}
# The 93 states in favour of ES-11/7, in the order and spelling of Wikipedia's table (source
# unga-wikipedia-es11-7, read on 6 Dec 2026): the list must hold exactly the published 93.
ES7_YES_WIKIPEDIA = (  # noqa: SIM905 (the list as the page spells it)
    "Albania, Andorra, Antigua and Barbuda, Australia, Austria, Bahamas, Barbados, Belgium, "
    "Belize, Bhutan, Bosnia-Herzegovina, Bulgaria, Cambodia, Canada, Cape Verde, Chile, Comoros, "
    "Côte d'Ivoire, Croatia, Cyprus, Czech Republic, Denmark, Djibouti, Egypt, Estonia, Fiji, "
    "Finland, France, The Gambia, Germany, Greece, Guatemala, Guyana, Iceland, Indonesia, "
    "Ireland, Italy, Jamaica, Japan, Jordan, Latvia, Liberia, Liechtenstein, Lithuania, "
    "Luxembourg, Malaysia, Maldives, Malta, Mauritius, Mexico, Moldova, Monaco, Montenegro, "
    "Myanmar, Nauru, Nepal, Netherlands, New Zealand, Nigeria, Norway, Papua New Guinea, Peru, "
    "Philippines, Poland, Portugal, Republic of Korea, Romania, Saint Kitts and Nevis, "
    "Saint Lucia, Samoa, San Marino, Serbia, Seychelles, Sierra Leone, Singapore, Slovakia, "
    "Slovenia, Solomon Islands, Somalia, Spain, Suriname, Sweden, Switzerland, Thailand, "
    "Timor-Leste, Tonga, Trinidad and Tobago, Tunisia, Turkey, Ukraine, United Kingdom, "
    "Uruguay, Vanuatu").split(", ")
ES7_YES_TOTAL = 93  # the published tally (U01)
# Arab News (unga-arabnews-es11-7, 25 Feb 2025) says every Arab state abstained but Lebanon
# (for): against Wikipedia's list for five African members of the Arab League, and against the
# three sources that name Sudan as voting no. Recorded on each African Arab League member's row;
# a yes it contradicts drops to low, or stays medium where APA also names it as a yes.
ES7_ARAB_NEWS = "unga-arabnews-es11-7"
ARAB_LEAGUE_AFRICA = {"COM", "DJI", "DZA", "EGY", "LBY", "MAR", "MRT", "SDN", "SOM", "TUN"}
ARAB_NEWS_NOTE = ("Arab News says every Arab state abstained save Lebanon, which voted for; the "
                  "same sentence would have Sudan abstain, which three sources name as voting "
                  "against.")
WIKIPEDIA_NAMES = {"Cape Verde": "Cabo Verde", "The Gambia": "Gambia"}  # -> data/countries.csv
# The start of the same table's abstention list (65 names, alphabetical), as far as it was read
# (a proxy copy of the page, kihulane.eu): the African states in it abstained (medium). The rest
# of that list and the list of the 17 absent were not read.
ES7_ABSTAIN_WIKIPEDIA_READ = (  # noqa: SIM905 (the list as the page spells it)
    "Algeria, Angola, Argentina, Armenia, Bahrain, Bangladesh, Botswana, Brazil, Brunei, Chad, "
    "China, Colombia, Costa Rica, Cuba").split(", ")
ES7_ABSTAIN_NOTE = (
    "In Wikipedia's list of the 65 states that abstained on ES-11/7, read as far as 'Cuba' (a "
    "tertiary source, read on a proxy copy; the UN's voting record was not seen), so medium.")
ES7_WIKIPEDIA = "unga-wikipedia-es11-7"
ES7_YES_NOTE = ("In Wikipedia's list of the 93 states that voted for ES-11/7 (a tertiary source; "
                "the UN's voting record was not seen), so medium.")
ES7_NOT_YES_NOTE = (
    "In neither Wikipedia's list of the 93 states that voted for ES-11/7 nor the 18 named as "
    "voting against (Ukrainska Pravda, from the EU delegation's post of the results board; "
    "research notes U03): so it abstained or did not vote, by elimination (medium); which of "
    "the two is not sourced state by state (the UN's voting record and meeting record were not "
    "seen).")
ES7_ONE_SOURCE_NOTE = ("Named as voting against by Ukrainska Pravda only (from the EU "
                       "delegation's post of the results board); APA's count of 8 African no "
                       "votes agrees.")
U04_WORDS = {"yes": "voting yes", "abstain": "abstaining"}


def es7_rows(reference: Path, names: dict[str, str]) -> list[dict]:
    """The 54 African votes on ES-11/7 from facts U03 and U04 of since_the_story.csv."""
    with (reference / "since_the_story.csv").open(encoding="utf-8", newline="") as fh:
        facts = {r["fact_id"]: r for r in csv.DictReader(fh)}
    u03, u04 = facts["U03"], facts["U04"]
    if u03["confidence"] != "high" or u04["confidence"] != "low":
        sys.exit(f"U03/U04 confidence changed: {u03['confidence']}, {u04['confidence']}")
    listed = re.search(r"Countries: ([A-Z, ]+)\.", u03["notes"])
    no = set(listed.group(1).split(", ")) if listed else set()
    others = re.search(r"The other ten no votes were (.+)\.", u03["fact"])
    if len(no) != 8 or not others or len(re.split(r", | and ", others.group(1))) != 10:
        sys.exit(f"U03 should name 8 African and 10 other no votes: {no}, {others}")
    for iso3 in no:  # every African no vote U03 names is in its fact text by name
        if names[iso3] not in u03["fact"]:
            sys.exit(f"U03: {names[iso3]} not in the fact text")
    u04_named = {}
    for vote, key in (("yes", "yes votes named"), ("abstain", "abstentions named")):
        part = re.search(rf"{key}: ([^;)]+)", u04["fact"]).group(1)
        by_name = {v: k for k, v in names.items()}
        for name in part.split(", "):
            u04_named[by_name[name.strip()]] = vote
    if len(ES7_YES_WIKIPEDIA) != ES7_YES_TOTAL:
        sys.exit(f"ES-11/7: Wikipedia's yes list holds {len(ES7_YES_WIKIPEDIA)} names, "
                 f"not the published {ES7_YES_TOTAL}")
    yes = {by_name[WIKIPEDIA_NAMES.get(n, n)] for n in ES7_YES_WIKIPEDIA
           if WIKIPEDIA_NAMES.get(n, n) in by_name}
    if yes & no:
        sys.exit(f"ES-11/7: named both for and against: {sorted(yes & no)}")
    if sorted(ES7_ABSTAIN_WIKIPEDIA_READ) != ES7_ABSTAIN_WIKIPEDIA_READ:
        sys.exit("ES-11/7: the abstention list as read is not in alphabetical order")
    if {by_name[n] for n in ES7_ABSTAIN_WIKIPEDIA_READ if n in by_name} & (yes | no):
        sys.exit("ES-11/7: a state named as abstaining is also named for or against")
    rows = []
    for iso3 in sorted(names):
        arab = iso3 in ARAB_LEAGUE_AFRICA
        if iso3 in yes:
            agrees = u04_named.get(iso3) == "yes"
            note = ES7_YES_NOTE + (" APA also names it as voting yes (low confidence: its "
                                   "African counts are internally inconsistent, research notes "
                                   "U04)." if agrees else "")
            if arab:
                note += (f" Sources disagree: {ARAB_NEWS_NOTE} So "
                         + ("medium, with APA's yes." if agrees else "low."))
            rows.append({"resolution": ES7, "iso3": iso3, "vote": "yes",
                         "confidence": "low" if arab and not agrees else "medium",
                         "source_ids": ";".join([ES7_WIKIPEDIA]
                                                + (["unga-apa-es11-7"] if agrees else [])
                                                + ([ES7_ARAB_NEWS] if arab else [])),
                         "notes": note})
            continue
        if iso3 not in no and u04_named.get(iso3) == "yes":  # the two sources disagree
            rows.append({"resolution": ES7, "iso3": iso3, "vote": "unknown", "confidence": "",
                         "source_ids": f"unga-pravda-es11-7;{ES7_WIKIPEDIA};unga-apa-es11-7",
                         "notes": (
                             "Sources disagree: APA names it as voting yes (low confidence: "
                             "its African counts add up to 47, research notes U04), but it is "
                             "not in Wikipedia's list of the 93 states that voted for ES-11/7, "
                             "which holds exactly the published 93. Not among the 18 named as "
                             "voting against (Ukrainska Pravda; U03), so yes, abstain or absent: "
                             "both recorded, neither used (the UN's voting record was not "
                             "seen).")})
            continue
        if iso3 in no:
            ids = [s for s, named in ES7_SOURCES.items() if named is None or iso3 in named]
            confidence = "high" if len(ids) > 1 else "medium"
            note = "" if len(ids) > 1 else ES7_ONE_SOURCE_NOTE
            if arab:
                note = (note + " " if note else "") + (
                    "Arab News says every Arab state abstained save Lebanon; the sources above "
                    "name it as voting against.")
                ids.append(ES7_ARAB_NEWS)
            rows.append({"resolution": ES7, "iso3": iso3, "vote": "no",
                         "confidence": confidence, "source_ids": ";".join(ids),
                         "notes": note})
            continue
        abstained = names[iso3] in ES7_ABSTAIN_WIKIPEDIA_READ
        note = ES7_ABSTAIN_NOTE if abstained else ES7_NOT_YES_NOTE
        if iso3 in u04_named:
            note += (f" APA names it as {U04_WORDS[u04_named[iso3]]} (low confidence: its "
                     "African counts are internally inconsistent, research notes U04), which "
                     "agrees.")
        if arab:
            note += (" Arab News says every Arab state abstained save Lebanon, which agrees, "
                     "but the same sentence is wrong on Sudan (named as voting against), so it "
                     "does not settle abstained against did not vote on its own.")
        rows.append({"resolution": ES7, "iso3": iso3,
                     "vote": "abstain" if abstained else "abstain_or_absent",
                     "confidence": "medium",
                     "source_ids": ";".join(["unga-pravda-es11-7", ES7_WIKIPEDIA]
                                            + ([ES7_ARAB_NEWS] if arab else [])),
                     "notes": note})
    return rows


RESOLUTION_ROWS = [
    # symbol, short title, title (as in the research notes), date, draft, yes, no, abstain,
    # non-voting, UN Digital Library record, press release, source_ids, notes
    ("A/RES/ES-11/1", "Aggression against Ukraine", "Aggression against Ukraine", "2022-03-02",
     "A/ES-11/L.1", 141, 5, 35, 12, 3959039, "GA/12407",
     "un-avlib-es11-5th-meeting;un-unric-es11-1;unga-le1ma-es11-1;unga-wikipedia-es11-1;"
     "unga-alexbukreev-anatomy-of-solidarity",
     "Press release GA/12407 not seen; the tally is from the UN Audiovisual Library record of "
     "the meeting and le1.ma's full lists of the 12 non-voting, 5 against and 35 abstaining. "
     "Published African sub-totals 28 yes, 1 no (Eritrea), 17 abstain, 8 absent (The Africa "
     "Report; allAfrica, whose yes list names only 27; kapitalafrik: '28 in Africa'). Wrong "
     "counts in secondary pieces: 14 "
     "African abstentions (kapitalafrik, wihianews), 16 (tolerance.ca)."),
    ("A/RES/ES-11/2", "Humanitarian consequences",
     "Humanitarian consequences of the aggression against Ukraine", "2022-03-24", "A/ES-11/L.2",
     140, 5, 38, 10, 3965954, "GA/12411",
     "un-press-ga12411;unga-alexbukreev-anatomy-of-solidarity",
     "INCOMPLETE: 43 of the 54 African votes are unknown. GA/12411 (opening read) names the 5 "
     "against, Eritrea the only African one; its annex was not visible and no complete "
     "per-country list was found. No published African sub-totals found. To close the gap: UN "
     "record 3965954 or the annex of GA/12411."),
    ("A/RES/ES-11/3", "Suspension of Russia from the Human Rights Council",
     "Suspension of the rights of membership of the Russian Federation in the Human Rights "
     "Council", "2022-04-07", "A/ES-11/L.4", 93, 24, 58, 18, 3967778, "",
     "unga-latvia-mfa-es11-3;unga-tass-es11-3;unga-alexbukreev-anatomy-of-solidarity",
     "Tally from the Latvian MFA (TASS names all 24 against). Published African sub-totals (RFI): "
     "10 yes, 9 against, 24 abstain, 11 absent. RFI's copies and Perspectives Med misprint the "
     "global result (98 in favour; 98-25-58); official 93-24-58. Press release not seen."),
    ("A/RES/ES-11/4", "Territorial integrity (annexations)",
     "Territorial integrity of Ukraine: defending the principles of the Charter of the United "
     "Nations", "2022-10-12", "A/ES-11/L.5", 143, 5, 35, 10, 3990400, "GA/12458",
     "un-press-ga12458;unga-interfax-ukraine-865264;unga-alexbukreev-anatomy-of-solidarity",
     "No African state against (GA/12458 names the 5). African abstentions 19 (Interfax-Ukraine, "
     "Glavcom, Thiesinfo) and absentees 5 (Thiesinfo; conakryplanete: 5 African non-voters), so "
     "30 yes. Sources disagree: the BBC-based wire pieces say 26 African yes, 19 abstain and 4 "
     "absent (49, not 54); conakryplanete counts 22 African abstentions; Actusalade and "
     "afrique-sur7 list 23 'abstentions' mixing abstentions and absentees."),
    ("A/RES/ES-11/5", "Remedy and reparation",
     "Furtherance of remedy and reparation for aggression against Ukraine", "2022-11-14",
     "A/ES-11/L.6", 94, 14, 73, 12, 3994052, "GA/12470",
     "un-press-ga12470;unga-wikipedia-es11-5;unga-apa-es11-5;unga-africapresse-es11-5;"
     "unga-alexbukreev-anatomy-of-solidarity",
     "INCOMPLETE: 5 African votes unknown (São Tomé and Príncipe, Sierra Leone, Tanzania, "
     "Tunisia, Uganda). Published African sub-totals (APA; Africa Presse): 5 against, 27 "
     "abstain; APA: 7 absent. With 24 named abstentions and 5 named absentees, the unknowns "
     "split 3 abstain and 2 absent, but no source says which. Press release GA/12470 found by "
     "search, not in the research notes."),
    ("A/RES/ES-11/6", "Just and lasting peace",
     "Principles of the Charter of the United Nations underlying a comprehensive, just and "
     "lasting peace in Ukraine", "2023-02-23", "A/ES-11/L.7", 141, 7, 32, 13, 4003921, "",
     "unga-china2au-2023-02-24;unga-aljazeera-2023-02-24;unga-ghanaweb-es11-6;"
     "unga-alexbukreev-anatomy-of-solidarity",
     "After the story (6 Feb 2023). Published African sub-totals (GhanaWeb, Morning Star): 2 "
     "against (Eritrea, Mali), 15 abstain, 6 absent ('23 refused to support'), so 31 yes. "
     "Sources disagree: RFI counts 30 yes, 22 abstentions or absences and 2 against, one yes "
     "fewer than the named lists; 1cananews' '28 supported' contradicts its own lists. No "
     "source names a 32nd African abstainer or a 7th absentee. Press release not seen."),
    ("A/RES/ES-11/7", "Advancing peace (2025)",
     "Advancing a comprehensive, just and lasting peace in Ukraine", "2025-02-24",
     "A/ES-11/L.10", 93, 18, 65, 17, "", "",
     "unga-unipd-2025-02-24;unga-pravda-es11-7;unga-hindustantimes-es11-7;un-ares-es11-7;"
     "unga-ap-kasu-2025-02-24;unga-wikipedia-es11-7;unga-arabnews-es11-7",
     "After the story (research notes U01-U05). Tally 93-18-65 (Padua Human Rights Centre, "
     "Ukrainska Pravda, Hindustan Times); 17 did not vote (193 minus the three counts). Every "
     "state against is named (Ukrainska Pravda, from the EU delegation's post of the results "
     "board): 8 African (Burkina Faso, Burundi, Central African Republic, Equatorial Guinea, "
     "Eritrea, Mali, Niger, Sudan), so no other African state voted no; Wikipedia's table names "
     "all 93 in favour (exactly the published tally), 13 of them African, so the other 33 "
     "abstained or did not vote, save Rwanda, which APA names as a yes vote and Wikipedia does "
     "not: left unknown. Its abstention list, read only as far as 'Cuba', names Algeria, Angola, "
     "Botswana and Chad; for the other 28 which of the two is not sourced state by state. Arab "
     "News says every Arab state abstained but Lebanon, against Wikipedia's yes for five African "
     "Arab League members (low where APA does not also name the yes) and against the three sources"
     " naming Sudan as voting no. APA's African counts (10 yes, 22 abstain, 7 absent) add up to 47"
     " with the 8 no votes and are not used. Title from Ukraine's foreign ministry (via the "
     "research notes); Frontnews has 'Promoting ...'. Draft number from APA. What the text does: "
     "the preamble read (Wikipedia's copy of the text) notes 'with concern' that Russia's full-"
     "scale invasion has persisted for three years and recalls the session's earlier resolutions; "
     "Ukrainska Pravda says it demands Russia's immediate, complete and unconditional withdrawal. "
     "The words 'deplores' or 'condemns' were not seen in the text read (its operative paragraphs "
     "were read only as quoted by the press), though the press calls it a text condemning Russia "
     "(Ukrainska Pravda's headline). Global yes votes fell from 141 on ES-11/6 (AP: 'diminished "
     "support for Ukraine'). The UN's voting record, the meeting record (A/ES-11/PV) and the press"
     " release were not seen: undl_record and press_release are empty. The same day the Assembly "
     "adopted ES-11/8 (the US text as amended, 93-8-73), not held here: no African vote on it is "
     "sourced."),
]
RESOLUTION_FIELDS = ["symbol", "short_title", "title", "date", "draft_symbol", "global_yes",
                     "global_no", "global_abstain", "global_non_voting", "undl_record",
                     "press_release", "after_story", "source_ids", "notes"]
STORY_DATE = "2023-02-06"


def read_matrix(md_text: str) -> dict[str, list[str]]:
    """iso3 -> the six matrix cells (e.g. 'A', 'Y*', '?') of unga_votes.md."""
    out = {}
    for line in md_text.splitlines():
        m = re.match(r"\| ([A-Z]{3}) \| [^|]+ \|(.*)\|$", line)
        if m:
            out[m.group(1)] = [c.strip() for c in m.group(2).split("|")]
    assert len(out) == 54, len(out)
    return out


def source_ids(urls: str) -> list[str]:
    ids = []
    for url in filter(None, (u.strip() for u in urls.split(" ; "))):
        hits = [sid for key, sid in URL_IDS.items() if key in url]
        if len(hits) != 1:
            sys.exit(f"no single source id for {url!r}: {hits}")
        ids.append(hits[0])
    return ids


def vote_row(row: dict, cell: str) -> dict:
    n = SYMBOLS.index(row["resolution"]) + 1
    vote, iso3 = row["vote"], row["iso3"]
    if MATRIX_CODES[cell.rstrip("*")] != vote:
        sys.exit(f"{iso3} {row['resolution']}: CSV says {vote}, matrix {cell}")
    confidence = "" if vote == "unknown" else ("medium" if cell.endswith("*") else "high")
    ids = source_ids(row["source_url"])
    if vote == "unknown":  # cite the sources that bound the unknown vote
        ids = {2: ["un-press-ga12411"],
               5: ["unga-wikipedia-es11-5", "unga-aljazeera-es11-5", "unga-apa-es11-5"]}[n]
    notes = []
    if vote == "unknown":
        notes.append(UNKNOWN_NOTE[n])
    elif iso3 in ELIMINATED.get(n, ()):
        notes.append(ELIMINATION_NOTE[n])
    elif confidence == "medium" and (n, vote) in MEDIUM_NOTE and (n, iso3) not in ROW_NOTES:
        notes.append(MEDIUM_NOTE[(n, vote)])
    if n == 3 and iso3 in {"BEN", "BFA", "MRT", "MAR", "RWA"}:
        notes.append("Also named as not voting by Perspectives Med.")
    if (n, iso3) in ROW_NOTES:
        notes.append(ROW_NOTES[(n, iso3)])
    return {"resolution": row["resolution"], "iso3": iso3, "vote": vote,
            "confidence": confidence, "source_ids": ";".join(ids), "notes": " ".join(notes)}


def main(reference: Path) -> None:
    matrix = read_matrix((reference / "unga_votes.md").read_text(encoding="utf-8"))
    with (reference / "unga_votes.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = [vote_row(r, matrix[r["iso3"]][SYMBOLS.index(r["resolution"])]) for r in rows]
    out.sort(key=lambda r: (SYMBOLS.index(r["resolution"]), r["iso3"]))
    with (ROOT / "data" / "countries.csv").open(encoding="utf-8", newline="") as fh:
        names = {r["iso3"]: r["country"] for r in csv.DictReader(fh) if r["iso3"] in matrix}
    out += es7_rows(reference, names)
    with VOTES.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(out[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    with RESOLUTIONS.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(RESOLUTION_FIELDS)
        for r in RESOLUTION_ROWS:
            after = "true" if r[3] > STORY_DATE else "false"
            writer.writerow([*r[:11], after, *r[11:]])
    print(f"{len(out)} votes, {len(RESOLUTION_ROWS)} resolutions")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference")
