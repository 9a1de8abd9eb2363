"""Word lists the sample web is built from: invented names, places, organisations.

People, places and organisations are invented by combining the parts below, so no
generated text names a real person or company. Country names are real (news needs
them); the list avoids names that contain another one ("Niger" / "Nigeria") so a
substring test never confuses two countries.
"""

from __future__ import annotations

FIRST_NAMES = """
Mara Tobin Ilse Oren Kasia Dario Nell Yusuf Anneli Priya Teodor Lucan Saoirse Ines Bram
Halvard Noor Celeste Idris Marit Joaquin Freya Amara Casimir Leona Rafferty Suvi Emeka
Odile Tamsin Viggo Zainab Ottilie Rowan Esme Kofi Liesel Anselm Margit Dashiell Imke Farid
Greer Ondine Pascoe Riya Stellan Thea Ulrich Wynne Xenia Yorick Zora Aurelio Brisa Corin
Delphine Evander Fenna Gideon Hester Isolde Jasper Kalinda Lorcan Mireille Niamh Osric
Perpetua Quentin Rosalind Sorcha Tancred Ursa Valentin Wilhelmina Annick Bertil Coralie
""".split()

SURNAMES = """
Vell Ashcombe Delacourt Brannock Ostrava Quillon Marrowby Fenwright Tallisk Okonedo Harrowell
Lindqvist Mercado Pellinor Abernaut Castellane Drummore Eskevold Farrant Galloway Hestermann
Iveson Jardine Kestrel Lowenthal Mabbott Northcote Orlanski Penhallow Quarrie Ravensworth
Sallow Thornbury Undset Varga Wexley Yarrow Zelenko Achterberg Blackmore Corrigan Dunleavy
Ellery Fairbairn Greaves Holloway Ingleby Jessop Kilbride Lennart Moncrieff Nasser Oyelaran
Prothero Quennell Redfern Stanhope Trelawney Uddin Vasquez Whitlock Yeardley Zabini Arkwright
Bellamy Carrow Dewhurst Elphick Foxley Gathercole Hazeldine Illingworth Juniper Kettering
""".split()

# Invented place names are PLACE_PREFIXES x PLACE_SUFFIXES or SYLLABLES_A x SYLLABLES_B.
PLACE_PREFIXES = """
North South East West Black Red Green Silver Stone Ash Oak Elm Fair Kings Queens Bright
Cold Deep High Low Mill Port Salt Sand Thorn Wolf Raven Iron Amber Bram Hollow Marsh
""".split()
PLACE_SUFFIXES = """
gate ford haven field bridge mouth wick ton bury moor vale crest port stead holm by wood
cliff well reach
""".split()
SYLLABLES_A = "Ka Lo Ve Ri Sa Mor Tal Ben Dru Ost Ari Zel Mira Quen Tor Vas Lun Esk Cor Hal".split()
SYLLABLES_B = "via stad ora grad mir esh ano ine holm ara enza ovo ida unn".split()

COUNTRIES = """
Albania|Argentina|Armenia|Australia|Austria|Bangladesh|Belgium|Bolivia|Botswana|Brazil|
Bulgaria|Canada|Chile|Colombia|Croatia|Denmark|Ecuador|Egypt|Estonia|Ethiopia|Finland|
France|Georgia|Germany|Ghana|Greece|Hungary|Iceland|India|Ireland|Italy|Japan|
Jordan|Kazakhstan|Kenya|Latvia|Lithuania|Malaysia|Mexico|Mongolia|Morocco|Namibia|Nepal|
New Zealand|Norway|Peru|Poland|Portugal|Romania|Rwanda|Senegal|Slovenia|South Africa|
Spain|Sweden|Tanzania|Thailand|Tunisia|Uganda|Uruguay|Vietnam|Zambia
""".replace("\n", "").split("|")

# Organisation name parts, by the kind of organisation an event needs.
COMPANY_SUFFIXES = """
Holdings Group Industries Systems Labs Bank Motors Energy Foods Pharma Logistics Telecom
Robotics Materials Capital Networks
""".split()
ADJECTIVES = """
United Allied Northern Southern Coastal Continental Federal Central Pioneer Meridian Summit
Harbour Granite Lantern Beacon Keystone Evergreen Bluewater
""".split()
AGENCY_TOPICS = """
Water Transport Energy Health Housing Trade Fisheries Forestry Broadband Aviation Statistics
Standards
""".split()
CLUB_SUFFIXES = "United City Rovers Athletic Wanderers Albion Harriers Rangers".split()
PARTY_NAMES = """
Progress|Renewal|Common Ground|Civic Union|Liberty|Green Future|People's Alliance|
Centre Forum|Heritage|Reform
""".replace("\n", "").split("|")
INSTITUTE_KINDS = "Institute|University|Observatory|Research Centre|Academy of Sciences".split("|")
VENUE_KINDS = "Gallery|Theatre|Museum|Concert Hall|Arts Centre|Film Institute".split("|")
HOSPITAL_KINDS = "General Hospital|Infirmary|Medical Centre|Children's Hospital".split("|")
FORUM_NAMES = """
Northern Rim Council|Coastal States Forum|Inland Trade Compact|Meridian Partnership|
Riverine Cooperation Council|Highland Accord Group|Southern Seas Forum
""".replace("\n", "").split("|")

# Outlet names: "<place> <masthead noun>", optionally with "The".
MASTHEAD_NOUNS = """
Herald Ledger Courier Gazette Post Chronicle Observer Tribune Dispatch Record Sentinel
Examiner Mercury Bulletin Review Standard Telegraph Journal Clarion Beacon
""".split()
OUTLET_PLACES = """
Northgate Coastal Riverton Highmoor Eastwick Saltmarsh Fairhaven Oakridge Westbury Lowfield
Brightwater Ironbridge Kingsmouth Ambervale Thornbury Stonecrest Ravensholm Millbrook
Greenhollow Silverport Ashdown Deepdale Marshgate Coldharbour
""".split()
AGGREGATOR_NAMES = ["Daily Digest", "Morning Relay", "News Roundup", "Wire Review", "Press Mirror"]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
