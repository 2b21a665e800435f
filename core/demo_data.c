/* demo_data.c - the demo's data tables: names in eleven scripts, the seed
 * organizations, session topics and titles, the one-day gathering, the
 * forum, the summit and the regional forums. Nothing here runs: the planner
 * (demo_plan.c) reads these. */
#include "demo_internal.h"

/* ---- skills -------------------------------------------------------------- */

const char *const demo_skill_names[NSKILLS] = {
    "First aid",          "Trauma-informed care", "AV operation", "Interpreter: Spanish",
    "Interpreter: Khmer", "Interpreter: ASL",
};

/* ---- names: given and family names per script, with an ASCII form for email --- */

static const struct name en_given[] = {
    {"Dana", "dana"},         {"Marcus", "marcus"}, {"Jordan", "jordan"},   {"Emily", "emily"},
    {"Tyrone", "tyrone"},     {"Rachel", "rachel"}, {"Kevin", "kevin"},     {"Grace", "grace"},
    {"Samuel", "samuel"},     {"Olivia", "olivia"}, {"Darnell", "darnell"}, {"Megan", "megan"},
    {"Patrick", "patrick"},   {"Hannah", "hannah"}, {"Brianna", "brianna"}, {"Noah", "noah"},
    {"Keisha", "keisha"},     {"Zoë", "zoe"},       {"Siobhán", "siobhan"}, {"Renée", "renee"},
    {"François", "francois"}, {"Łukasz", "lukasz"}, {"Ingrid", "ingrid"},   {"Malik", "malik"},
};
static const struct name en_family[] = {
    {"Reyes", "reyes"},         {"Johnson", "johnson"},   {"Williams", "williams"},
    {"Brooks", "brooks"},       {"O'Brien", "obrien"},    {"Walker", "walker"},
    {"Bennett", "bennett"},     {"Hughes", "hughes"},     {"Carter", "carter"},
    {"Foster", "foster"},       {"Kowalski", "kowalski"}, {"Murphy", "murphy"},
    {"Jackson", "jackson"},     {"Sullivan", "sullivan"}, {"Washington", "washington"},
    {"Greene", "greene"},       {"Novák", "novak"},       {"Müller", "muller"},
    {"Lindqvist", "lindqvist"}, {"Okafor", "okafor"},
};
static const struct name es_given[] = {
    {"José", "jose"},       {"María", "maria"},   {"Sofía", "sofia"},   {"Andrés", "andres"},
    {"Lucía", "lucia"},     {"Ramón", "ramon"},   {"Begoña", "begona"}, {"Inés", "ines"},
    {"Joaquín", "joaquin"}, {"Ximena", "ximena"}, {"Héctor", "hector"}, {"Valeria", "valeria"},
    {"Óscar", "oscar"},     {"Mónica", "monica"}, {"Tomás", "tomas"},   {"Guadalupe", "guadalupe"},
};
static const struct name es_family[] = {
    {"García", "garcia"},       {"Martínez", "martinez"},   {"Hernández", "hernandez"},
    {"López", "lopez"},         {"Peña", "pena"},           {"Ibáñez", "ibanez"},
    {"Muñoz", "munoz"},         {"Gutiérrez", "gutierrez"}, {"Rodríguez", "rodriguez"},
    {"Ramírez", "ramirez"},     {"Castañeda", "castaneda"}, {"Jiménez", "jimenez"},
    {"Ortiz", "ortiz"},         {"Vargas", "vargas"},       {"Núñez", "nunez"},
    {"Domínguez", "dominguez"},
};
static const struct name vi_given[] = {
    {"Thị Lan", "lan"},      {"Văn Minh", "minh"},   {"Thu Hương", "huong"}, {"Quốc Bảo", "bao"},
    {"Ngọc Ánh", "anh"},     {"Đức Thắng", "thang"}, {"Thanh Hà", "ha"},     {"Minh Tuấn", "tuan"},
    {"Phương Linh", "linh"}, {"Hữu Phước", "phuoc"},
};
static const struct name vi_family[] = {
    {"Nguyễn", "nguyen"}, {"Trần", "tran"}, {"Lê", "le"},     {"Phạm", "pham"}, {"Hoàng", "hoang"},
    {"Huỳnh", "huynh"},   {"Võ", "vo"},     {"Đặng", "dang"}, {"Bùi", "bui"},   {"Đỗ", "do"},
};
static const struct name km_given[] = {
    {"សុខា", "sokha"},   {"ដារ៉ា", "dara"},   {"បុប្ផា", "bopha"},   {"វណ្ណា", "vanna"},
    {"រតនា", "ratana"}, {"ពិសិដ្ឋ", "piseth"}, {"ស្រីពៅ", "sreypov"}, {"សុភា", "sophea"},
};
static const struct name km_family[] = {
    {"ចាន់", "chan"}, {"សុខ", "sok"}, {"គឹម", "kim"}, {"ហេង", "heng"},
    {"លី", "ly"},     {"ម៉ៅ", "mao"}, {"ស៊ុន", "sun"}, {"ឡុង", "long"},
};
static const struct name th_given[] = {
    {"สมชาย", "somchai"}, {"สุดา", "suda"}, {"ปรีชา", "preecha"}, {"มาลี", "malee"},
    {"วิชัย", "wichai"},    {"นภา", "napa"}, {"อนันต์", "anan"},    {"กาญจนา", "kanchana"},
};
static const struct name th_family[] = {
    {"ศรีสุข", "srisuk"},   {"วงศ์ไทย", "wongthai"}, {"แก้วมณี", "kaewmanee"},
    {"ทองดี", "thongdee"}, {"บุญมา", "boonma"},     {"ประเสริฐ", "prasert"},
};
static const struct name zh_given[] = {
    {"芳", "fang"}, {"伟", "wei"},      {"秀英", "xiuying"}, {"敏", "min"},  {"静", "jing"},
    {"磊", "lei"},  {"丽娟", "lijuan"}, {"建国", "jianguo"}, {"婷", "ting"}, {"浩然", "haoran"},
};
static const struct name zh_family[] = {
    {"王", "wang"}, {"李", "li"},    {"张", "zhang"}, {"刘", "liu"},  {"陈", "chen"},
    {"杨", "yang"}, {"黄", "huang"}, {"赵", "zhao"},  {"周", "zhou"}, {"吴", "wu"},
};
static const struct name ar_given[] = {
    {"محمد", "mohammed"}, {"فاطمة", "fatima"}, {"أحمد", "ahmed"},  {"ليلى", "layla"},
    {"عمر", "omar"},      {"مريم", "maryam"},  {"يوسف", "yousef"}, {"نور", "nour"},
    {"خالد", "khaled"},   {"سارة", "sara"},
};
static const struct name ar_family[] = {
    {"حداد", "haddad"}, {"خوري", "khoury"},    {"منصور", "mansour"},
    {"ناصر", "nasser"}, {"المصري", "almasri"}, {"عبدالله", "abdullah"},
};
static const struct name uk_given[] = {
    {"Олена", "olena"}, {"Андрій", "andrii"}, {"Наталія", "nataliia"}, {"Дмитро", "dmytro"},
    {"Ірина", "iryna"}, {"Тарас", "taras"},   {"Оксана", "oksana"},    {"Богдан", "bohdan"},
};
static const struct name uk_family[] = {
    {"Шевченко", "shevchenko"}, {"Коваленко", "kovalenko"}, {"Бондаренко", "bondarenko"},
    {"Ткаченко", "tkachenko"},  {"Мельник", "melnyk"},      {"Бойко", "boiko"},
    {"Савчук", "savchuk"},      {"Лисенко", "lysenko"},
};
static const struct name ko_given[] = {
    {"민준", "minjun"}, {"서연", "seoyeon"}, {"지훈", "jihoon"}, {"하은", "haeun"},
    {"도윤", "doyoon"}, {"수빈", "subin"},   {"지우", "jiwoo"},  {"은지", "eunji"},
};
static const struct name ko_family[] = {
    {"김", "kim"},  {"이", "lee"},  {"박", "park"}, {"최", "choi"},
    {"정", "jung"}, {"강", "kang"}, {"조", "cho"},  {"윤", "yoon"},
};
static const struct name hi_given[] = {
    {"प्रिया", "priya"},  {"राहुल", "rahul"}, {"अनीता", "anita"}, {"विकास", "vikas"},
    {"सुनीता", "sunita"}, {"अर्जुन", "arjun"}, {"पूजा", "pooja"},   {"संजय", "sanjay"},
};
static const struct name hi_family[] = {
    {"शर्मा", "sharma"}, {"वर्मा", "verma"}, {"गुप्ता", "gupta"},
    {"सिंह", "singh"},   {"पटेल", "patel"},  {"जोशी", "joshi"},
};
static const struct name am_given[] = {
    {"ሰላም", "selam"}, {"ዮሐንስ", "yohannes"}, {"መሰረት", "meseret"}, {"ዳዊት", "dawit"},
    {"ሄለን", "helen"}, {"ብርሃን", "birhan"},   {"ፍቅርተ", "fikirte"}, {"ሜሮን", "meron"},
};
static const struct name am_family[] = {
    {"ተስፋዬ", "tesfaye"}, {"አበበ", "abebe"},  {"ታደሰ", "tadesse"},
    {"በቀለ", "bekele"},   {"ከበደ", "kebede"}, {"አለሙ", "alemu"},
};

#define NAMES(a) a, ARRAY_LEN(a)

const struct culture demo_cultures[] = {
    {NAMES(en_given), NAMES(en_family), false, " ", 26},
    {NAMES(es_given), NAMES(es_family), false, " ", 20},
    {NAMES(vi_given), NAMES(vi_family), true, " ", 8},
    {NAMES(km_given), NAMES(km_family), true, " ", 6},
    {NAMES(th_given), NAMES(th_family), false, " ", 5},
    {NAMES(zh_given), NAMES(zh_family), true, "", 7},
    {NAMES(ar_given), NAMES(ar_family), false, " ", 7},
    {NAMES(uk_given), NAMES(uk_family), false, " ", 5},
    {NAMES(ko_given), NAMES(ko_family), true, "", 5},
    {NAMES(hi_given), NAMES(hi_family), false, " ", 6},
    {NAMES(am_given), NAMES(am_family), false, " ", 5},
};

/* ---- organizations ------------------------------------------------------- */

const struct org_seed demo_org_seeds[NSEED_ORGS] = {
    {"Lakeshore Freedom Network", "ngo", "lakeshorefreedom",
     "Coalition lead for the north lakefront; co-hosts the December gathering."},
    {"Southside Interfaith Alliance", "faith", "southsideinterfaith",
     "Twelve congregations; co-host of the December gathering."},
    {"Lakemont Police Human Trafficking Unit", "law_enforcement", "lakemontpd", NULL},
    {"Harlan County Office of Victim Services", "government", "harlanvictims", NULL},
    {"Second Chance Legal Clinic", "ngo", "secondchancelegal", "Vacatur and T visa cases."},
    {"Northside Youth Collective", "civil_society", "northsideyouth", NULL},
    {"Mercy Street Health Center", "health", "mercystreet", NULL},
    {"Westbrook Community College", "education", "westbrookcc", NULL},
    {"Grand Avenue Hotel Association", "business", "grandavehotels", NULL},
    {"Safe Harbor Shelter", "ngo", "safeharbor", "Confidential address: never print it."},
    {"St. Brigid Parish Outreach", "faith", "stbrigid", NULL},
    {"Masjid al-Noor Community Services", "faith", "alnoor", NULL},
    {"Lakeshore Workers' Center", "civil_society", "lakeshoreworkers", NULL},
    {"Midwest Truckers Against Exploitation", "business", "midwesttruckers", NULL},
    {"Riverbend School District Prevention Program", "education", "riverbendschools", NULL},
    {"Open Door Survivor Alliance", "ngo", "opendoor", "Survivor-led; speakers by request only."},
    {"Prairie State Attorney's Victim Witness Unit", "government", "prairiesa", NULL},
    {"Asian Family Support Services", "ngo", "asianfamily", NULL},
    {"Atlantic Coalition Against Trafficking", "civil_society", "atlanticcoalition",
     "Hosts the March forum."},
    {"Keystone Regional Task Force", "law_enforcement", "keystonetaskforce", NULL},
    {"Commonwealth Office of Human Services", "government", "commonwealthhs", NULL},
    {"Harborline Seafood Cooperative", "business", "harborline", NULL},
    {"Fair Harvest Farmworker Alliance", "civil_society", "fairharvest", NULL},
    {"Survivors Forward", "ngo", "survivorsforward", "Survivor speakers bureau."},
    {"Liberty Street Legal Aid", "ngo", "libertylegal", NULL},
    {"Brightpath Youth Services", "ngo", "brightpath", NULL},
    {"Riverside Hospitality Group", "business", "riversidehospitality", NULL},
    {"Keystone Mutual Credit Union", "business", "keystonemutual", NULL},
    {"Tri-River Health Partners", "health", "tririverhealth", NULL},
    {"Ironbridge University Human Rights Lab", "education", "ironbridge", NULL},
    {"New Covenant Anti-Trafficking Ministry", "faith", "newcovenant", NULL},
    {"Temple Or Chadash Social Action Committee", "faith", "orchadash", NULL},
    {"Coastal Port Authority Police", "law_enforcement", "portpolice", NULL},
    {"Tech Against Exploitation Collaborative", "business", "techagainst", NULL},
    {"Migrant Justice Project", "ngo", "migrantjustice", NULL},
    {"Eastern Shore Runaway Youth Shelter", "ngo", "easternshoreyouth", NULL},
    {"Metro Transit Safety Partnership", "government", "transitsafety", NULL},
    {"Pinecrest Medical Center Forensic Nursing", "health", "pinecrestmed", NULL},
    {"Three Rivers Interfaith Network", "faith", "threerivers", NULL},
    {"Khmer Family Resource Center", "ngo", "khmerfamily", NULL},
};

/* The large set adds every place x kind combination. */
const char *const demo_org_places[] = {
    "Riverside", "Harbor",    "Summit",    "Prairie", "Cascade",  "Bayou",         "Mesa",
    "Pinecrest", "Lakeview",  "Northgate", "Coastal", "Valley",   "Metro",         "Tri-County",
    "Heartland", "Evergreen", "Sunrise",   "Canyon",  "Ironwood", "Golden Plains",
};

const struct org_kind demo_org_kinds[] = {
    {"Freedom Network", "ngo"},
    {"Sheriff's Office Trafficking Unit", "law_enforcement"},
    {"Office of Victim Services", "government"},
    {"Hotel Association", "business"},
    {"Trucking Alliance", "business"},
    {"Interfaith Council", "faith"},
    {"Community College", "education"},
    {"Health Clinic Network", "health"},
    {"Youth Coalition", "civil_society"},
    {"Survivor Alliance", "ngo"},
    {"Legal Aid Project", "ngo"},
    {"Workers' Rights Center", "civil_society"},
};

/* ---- sessions ------------------------------------------------------------ */

const struct topic demo_topics[] = {
    {"Social media recruitment: how traffickers find teens online", "panel",
     "Grooming patterns on social apps and what platforms, parents and schools can do."},
    {"Building a law-enforcement task force that survivors trust", "panel",
     "Investigators and advocates on victim-centered joint operations."},
    {"Mapping forced labor in seafood supply chains", "breakout",
     "Tracing vessels, processors and recruiters from port to shelf."},
    {"Labor trafficking in agriculture: visas and the fields", "panel",
     "Temporary visa programs, labor contractors and worker outreach."},
    {"Survivor-led services: funding, governance and pay", "panel",
     "Survivor leaders on building organizations they run."},
    {"Youth outreach in schools and after-school programs", "workshop",
     "Prevention curricula that students take seriously."},
    {"Hotel and hospitality staff training that works", "training",
     "Front desk, housekeeping and security: indicators and safe reporting."},
    {"Financial red flags: what banks and credit unions see", "breakout",
     "Transaction patterns, account openings and reporting duties."},
    {"Online advertising, moderation and takedowns", "breakout",
     "How escort ads migrate and how moderators can keep up."},
    {"Multi-agency case coordination from tip to trial", "workshop",
     "Case conferences, consent and information sharing."},
    {"Supplier audits beyond the checklist", "workshop",
     "Worker voice, unannounced visits and remediation."},
    {"Farmworker organizing and worker-driven social responsibility", "panel",
     "Codes of conduct that workers enforce."},
    {"Peer mentorship programs run by survivors", "breakout",
     "Training, supervision and pay for peer mentors."},
    {"Runaway and homeless youth: shelter as prevention", "panel",
     "Street outreach, drop-in centers and host homes."},
    {"Truck stops, transit hubs and frontline reporting", "training",
     "What drivers, station staff and riders can notice and report."},
    {"Following the money: suspicious activity reports in practice", "training",
     "Writing reports investigators can use."},
    {"Sextortion and gaming platforms", "workshop", "Recognizing and interrupting sextortion."},
    {"Victim-centered interviewing for investigators", "training",
     "Trauma-informed interviews that hold up in court."},
    {"Procurement policy for public agencies", "breakout",
     "Contract clauses, certification and enforcement."},
    {"Domestic work and hidden labor exploitation", "panel",
     "Nannies, housekeepers and caregivers behind closed doors."},
    {"Trauma-informed housing and long-term recovery", "breakout",
     "Housing first, safety planning and aftercare."},
    {"Foster care pathways and prevention", "panel", "Child welfare and trafficking risk."},
    {"Hospitality industry partnerships: a case study", "breakout",
     "One hotel group's three years of training and reporting."},
    {"Cryptocurrency and payment processors", "panel", "Tracing payments for online exploitation."},
    {"Language access and interpreters in victim services", "workshop",
     "Working with interpreters, including Khmer, Spanish and ASL."},
    {"Cross-border cases and consular cooperation", "panel",
     "Repatriation, consulates and safe return."},
    {"Corporate disclosure laws and what they changed", "breakout",
     "A decade of supply chain transparency reporting."},
    {"Restaurant and nail salon labor investigations", "breakout",
     "Wage theft, debt bondage and how cases are built."},
    {"Survivor voices in policy making", "panel", "Survivor advisory councils that have power."},
    {"Parents and caregivers: talking to kids about online safety", "workshop",
     "Conversation guides for families."},
    {"Healthcare screening in emergency departments", "training",
     "Screening questions and referral protocols for clinicians."},
    {"Data sharing without harming survivors", "breakout",
     "Privacy, confidentiality and what never goes in a database."},
    {"Faith communities as first responders", "workshop",
     "What congregations can offer and what to refer."},
    {"Legal remedies: T visas and vacatur", "training", "Immigration relief and clearing records."},
    {"Measuring what matters: outcome data for service providers", "breakout",
     "Outcome measures that respect survivors."},
    {"Building a regional hotline referral network", "workshop",
     "Who answers, who responds, and how to follow up."},
};

const char *const demo_regions[] = {
    "Southeast Asia", "West Africa",  "Latin America",   "Eastern Europe",    "the Gulf states",
    "North America",  "South Asia",   "the Pacific",     "Central America",   "East Africa",
    "the Caribbean",  "Central Asia", "Southern Africa", "the Mediterranean",
};

const char *const demo_opening_titles[] = {
    "Opening plenary: where the movement stands",
    "Morning plenary: survivor leadership",
    "Morning plenary: business and supply chains",
    "Morning plenary: technology and prevention",
};
const char *const demo_closing_titles[] = {
    "Day one wrap-up",
    "Day two wrap-up",
    "Day three wrap-up",
    "Closing plenary: commitments for the year ahead",
};
const char *const demo_evening_titles[] = {
    "Evening: survivor artists and storytellers",
    "Evening: youth open mic",
    "Evening: film shorts from the field",
    "Evening: community celebration",
};

/* Who speaks at a session of each kind. */
const struct speaker_pattern demo_speaker_patterns[] = {
    {"general", {"host", "speaker", "speaker", NULL}},
    {"panel", {"moderator", "panelist", "panelist", "panelist"}},
    {"breakout", {"speaker", "speaker", NULL, NULL}},
    {"workshop", {"host", "speaker", NULL, NULL}},
    {"training", {"speaker", NULL, NULL, NULL}},
    {"screening", {"host", NULL, NULL, NULL}},
};

/* ---- the one-day community gathering (small set) ------------------------- */

const struct event_seed demo_gathering_event = {
    .name = "Lakeshore Community Gathering Against Human Trafficking",
    .tz = "America/Chicago",
    .venue = "Harborview Community Center",
    .address = "1200 West Harbor Avenue, Lakemont, IL 60600",
    .description = "A community day to learn the signs of human trafficking, meet local partners "
                   "and find help: a welcome, a film screening, a panel and a resource fair with "
                   "sixteen partner organizations. Co-hosted by Lakeshore Freedom Network and "
                   "Southside Interfaith Alliance.",
    .first_day = G_DATE,
    .days = 1,
    .day_start = HM(10, 0),
    .day_end = HM(16, 0),
    .setup_start = HM(8, 0),
    .teardown_end = HM(17, 0),
    .capacity = 120,
    .host = O_LAKESHORE,
};

const struct gathering_room demo_gathering_rooms[] = {
    {"Main Hall", 150, "hall"},
    {"Resource Fair", 120, "booth_area"},
    {"Screening Room", 60, "room"},
};
const struct gathering_session demo_gathering_sessions[] = {
    {G_MAIN, HM(10, 0), HM(10, 30), "Welcome and opening remarks", "general",
     "Welcome from the co-hosts, Lakeshore Freedom Network and Southside Interfaith Alliance."},
    {G_FAIR, HM(10, 0), HM(16, 0), "Resource fair", "general",
     "Sixteen partner organizations at booths B01-B16: services, training and ways to help."},
    {G_SCREEN, HM(10, 30), HM(12, 0), "Film screening: \"Invisible Chains\"", "screening",
     "A fictional documentary about labor trafficking in a Midwest city."},
    {G_MAIN, HM(12, 0), HM(13, 0), "Lunch break", "break",
     "Lunch served by St. Brigid Parish Outreach volunteers."},
    {G_MAIN, HM(13, 0), HM(14, 30), "Panel: recognizing trafficking in our neighborhoods", "panel",
     "A detective, a survivor leader, a nurse, an attorney and a youth organizer on what to "
     "notice and whom to call."},
    {G_SCREEN, HM(14, 45), HM(15, 45), "Encore screening and discussion", "screening",
     "A second showing of \"Invisible Chains\", then questions."},
    {G_MAIN, HM(15, 45), HM(16, 0), "Closing and community commitments", "general",
     "What each of us will do next."},
};

const struct gathering_speaker demo_gathering_speakers[] = {
    {O_LAKESHORE, false, "Executive director; welcome and panel moderator."},
    {O_SOUTHSIDE, false, "Pastor; co-host."},
    {O_COLLEGE, false, "Film studies professor; introduces the screenings."},
    {O_POLICE, false, "Detective, human trafficking unit."},
    {O_OPEN_DOOR, true, "Survivor leader: first name only on screens and badges; no photos."},
    {O_MERCY_HEALTH, false, "Nurse practitioner."},
    {O_LEGAL_CLINIC, false, "Staff attorney."},
};

/* Who speaks at a gathering session: one of gathering_speakers, or (by a
 * volunteer) one of the gathering's volunteers. */
const struct gathering_talk demo_gathering_talks[] = {
    {.session = 0, .who = 0, .role = "host"},
    {.session = 0, .who = 1, .role = "host"},
    {.session = 2, .who = 2, .role = "host"},
    {.session = 4, .who = 0, .role = "moderator"},
    {.session = 4, .who = 3, .role = "panelist"},
    {.session = 4, .who = 4, .role = "panelist"},
    {.session = 4, .who = 5, .role = "panelist"},
    {.session = 4, .who = 6, .role = "panelist"},
    {.session = 4, .by_volunteer = true, .who = YOUTH_SPEAKER, .role = "panelist"},
    {.session = 5, .who = 2, .role = "host"},
    {.session = 6, .who = 1, .role = "speaker"},
};

const struct role_seed demo_gathering_roles[] = {
    {"Registration desk", "Welcome people, check them in, hand out name tags and programs.", -1, 0},
    {"Greeter", "Meet people at the doors and point the way to the hall, fair and screening.", -1,
     0},
    {"Booth support", "Help partners set up, cover booths during breaks, pack up.", -1, 0},
    {"AV", "Microphones, slides and the film in the main hall and the screening room.", SK_AV, 0},
};

const struct gathering_shift demo_gathering_shifts[] = {
    {0, -1, -1, HM(8, 30), HM(10, 30), 2, 3, "Front entrance tables"},
    {0, -1, -1, HM(11, 0), HM(13, 0), 1, 2, "Front entrance tables"},
    {0, -1, -1, HM(13, 30), HM(16, 0), 1, 2, "Front entrance tables"},
    {1, -1, -1, HM(9, 30), HM(11, 30), 2, 3, "Front doors and lobby"},
    {1, -1, -1, HM(12, 0), HM(14, 0), 1, 2, "Front doors and lobby"},
    {1, -1, -1, HM(14, 30), HM(16, 30), 1, 2, "Front doors and lobby"},
    {2, G_FAIR, -1, HM(8, 0), HM(10, 0), 3, 5, "Set up tables, chairs and signs"},
    {2, -1, 2, HM(10, 0), HM(13, 0), 1, 1, "Cover the booth during staff breaks"},
    {2, -1, 6, HM(10, 0), HM(13, 0), 1, 1, "Cover the booth during staff breaks"},
    {2, -1, 10, HM(13, 30), HM(16, 0), 1, 1, "Cover the booth during staff breaks"},
    {2, G_FAIR, -1, HM(16, 0), HM(17, 0), 3, 5, "Pack up the fair"},
    {3, G_MAIN, -1, HM(9, 0), HM(12, 0), 1, 1, "Microphones and slides for the welcome"},
    {3, G_SCREEN, -1, HM(10, 0), HM(12, 15), 1, 1, "Projector and sound for the screening"},
    {3, G_MAIN, -1, HM(12, 45), HM(16, 0), 1, 2, "Panel microphones and the closing"},
    {3, G_SCREEN, -1, HM(14, 30), HM(16, 0), 1, 1, "Encore screening"},
};

const struct skill_rate demo_gathering_rates[] = {
    {SK_AV, 20, 0},   {SK_FIRST_AID, 20, 100}, {SK_SPANISH, 13, 0},
    {SK_TIC, 13, 30}, {SK_KHMER, 7, 0},        {SK_ASL, 7, 0},
};

/* Availability windows of two gathering volunteers: {volunteer, from, to}. */
const int demo_gathering_windows[][3] = {{7, HM(8, 0), HM(13, 30)}, {11, HM(12, 0), HM(17, 0)}};

/* ---- conferences: the two-day forum (small) and the scale set (large) ---- */

const struct role_seed demo_conf_roles[NCONF_ROLES] = {
    [R_REG] = {"Registration desk", "Check people in, print badges, answer first questions.", -1,
               0},
    [R_USHER] = {"Usher", "Seat people, keep aisles and exits clear, count the room.", -1, 0},
    [R_MONITOR] = {"Room monitor", "Keep a breakout on time, pass the microphone, report problems.",
                   -1, 0},
    [R_INFO] = {"Info desk", "Directions, lost and found, program questions.", -1, 0},
    [R_AV] = {"AV tech", "Microphones, projector and streaming for one room.", SK_AV, 0},
    [R_FIRST_AID] = {"First aid", "Staff the first aid post; call emergency services if needed.",
                     SK_FIRST_AID, 18},
    [R_SPANISH] = {"Interpreter: Spanish", "Interpret sessions and help Spanish-speaking guests.",
                   SK_SPANISH, 0},
    [R_SURVIVOR] = {"Survivor support",
                    "Staff the quiet room; accompany survivors who ask for support.", SK_TIC, 21},
    [R_KHMER] = {"Interpreter: Khmer", "Interpret for Khmer-speaking guests and speakers.",
                 SK_KHMER, 0},
    [R_ASL] = {"ASL interpreter", "Interpret sessions in American Sign Language.", SK_ASL, 0},
    [R_STEWARD] = {"Entrance steward", "Check badges at a gate and keep queues moving.", -1, 16},
    [R_TRANSPORT] = {"Transport guide", "Meet shuttles and guide guests between hotels and venue.",
                     -1, 18},
    [R_CATERING] = {"Catering", "Serve meals and water, keep stations stocked.", -1, 0},
    [R_BOOTH] = {"Booth support", "Help exhibitors set up and cover booths during breaks.", -1, 0},
    [R_ACCESS] = {"Accessibility guide",
                  "Help guests with disabilities find seats, lifts and quiet spaces.", -1, 0},
};

static const char *const forum_breakouts[] = {"Delaware Room", "Schuylkill Room", "Brandywine Room",
                                              "Lehigh Room", "Susquehanna Room"};

/* Booth order: 16 for both days, then 4 on Saturday and 4 on Sunday; the
 * last three only send speakers and attendees. */
static const int16_t forum_orgs[] = {19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 4, 6,
                                     9,  13, 31, 32, 33, 34, 35, 36, 15, 17, 37, 38, 39};

static const struct skill_rate forum_rates[] = {
    {SK_AV, 16, 0},   {SK_FIRST_AID, 14, 100}, {SK_SPANISH, 8, 20},
    {SK_TIC, 10, 30}, {SK_KHMER, 3, 0},        {SK_ASL, 3, 20},
};

static const struct post forum_posts[] = {
    {R_REG, AT_NONE, 1, "Main lobby registration counters", 2, 4, B_ALL | B_SETUP},
    {R_USHER, AT_PLENARY, 0, NULL, 3, 6, B_ALL},
    {R_USHER, AT_BREAKOUTS, 0, NULL, 1, 2, B_ALL},
    {R_USHER, AT_EXHIBITS, 0, "Pack up the exhibit hall", 3, 6, B_TEARDOWN},
    {R_MONITOR, AT_BREAKOUTS, 0, NULL, 1, 2, B_ALL & ~1u},
    {R_INFO, AT_NONE, 1, "Information desk, main lobby", 1, 2, B_ALL},
    {R_AV, AT_PLENARY, 0, NULL, 2, 3, B_ALL},
    {R_AV, AT_BREAKOUTS, 0, NULL, 1, 1, B_ALL},
    {R_FIRST_AID, AT_NONE, 1, "First aid station by the Exhibit Hall", 2, 3, B_ALL},
    {R_SPANISH, AT_PLENARY, 0, "Interpretation booth, back of the ballroom", 1, 2, B_ALL},
    {R_SURVIVOR, AT_NONE, 1, "Quiet room 105", 1, 2, B_ALL},
};

/* Saturday-Sunday across the spring-forward night of 13-14 March 2027. */
const struct conf_spec demo_forum = {
    .ev =
        {
            .name = "Eastern Seaboard Forum on Human Trafficking 2027",
            .tz = "America/New_York",
            .venue = "Grand Meridian Conference Center",
            .address = "455 Harborfront Boulevard, Philadelphia, PA 19100",
            .description = "Two days of general sessions and breakout panels for service "
                           "providers, law enforcement, businesses, faith and youth groups, "
                           "hosted by the Atlantic Coalition Against Trafficking. Clocks go "
                           "forward one hour on Sunday morning.",
            .first_day = 20270313,
            .days = 2,
            .day_start = HM(8, 0),
            .day_end = HM(17, 30),
            .setup_start = HM(6, 30),
            .teardown_end = HM(19, 0),
            .capacity = 1000,
            .host = O_ATLANTIC,
        },
    .area = "215",
    .plenary = "Liberty Ballroom",
    .plenary_cap = 1000,
    .breakouts = forum_breakouts,
    .nbreakouts = 5,
    .nexhibits = 1,
    .booth_prefix = "E",
    .booths_all = 16,
    .booths_day = 4,
    .skip_every = 2,
    .block_start = HM(7, 30),
    .block_len = 120,
    .nblocks = 5,
    .posts = forum_posts,
    .nposts = ARRAY_LEN(forum_posts),
    .rates = forum_rates,
    .nrates = ARRAY_LEN(forum_rates),
    .orgs = forum_orgs,
    .norgs = ARRAY_LEN(forum_orgs),
    .volunteers = 170,
    .vol_speakers = 5,
    .staff = 10,
    .speakers = 75,
    .survivors = 3,
    .partners_per_booth = 1,
    .press = 8,
    .attendees = 700,
    .reuse = 25,
    .undercover = 1,
    .avail_pct = 8,
};

static const struct skill_rate summit_rates[] = {
    {SK_AV, 10, 0},  {SK_FIRST_AID, 15, 100}, {SK_SPANISH, 10, 20},
    {SK_TIC, 8, 30}, {SK_KHMER, 2, 0},        {SK_ASL, 4, 20},
};

static const struct post summit_posts[] = {
    {R_REG, AT_NONE, 40, "Registration counter", 2, 4, B_ALL | B_SETUP},
    {R_USHER, AT_PLENARY, 0, NULL, 6, 12, B_ALL},
    {R_USHER, AT_BREAKOUTS, 0, NULL, 1, 2, B_ALL},
    {R_USHER, AT_EXHIBITS, 0, "Pack up the exhibit hall", 4, 8, B_TEARDOWN},
    {R_MONITOR, AT_BREAKOUTS, 0, NULL, 1, 2, B_ALL & ~1u},
    {R_INFO, AT_NONE, 20, "Information point", 1, 2, B_ALL},
    {R_AV, AT_PLENARY, 0, NULL, 3, 4, B_ALL},
    {R_AV, AT_BREAKOUTS, 0, NULL, 1, 1, B_ALL},
    {R_FIRST_AID, AT_NONE, 16, "First aid post", 2, 3, B_ALL},
    {R_SPANISH, AT_PLENARY, 0, NULL, 2, 3, B_ALL},
    {R_SPANISH, AT_BREAKOUTS, 0, NULL, 1, 1, B_ALL},
    {R_KHMER, AT_PLENARY, 0, NULL, 1, 2, B_ALL},
    {R_ASL, AT_PLENARY, 0, NULL, 2, 2, B_ALL},
    {R_ASL, AT_BREAKOUTS, 0, NULL, 1, 1, B_ALL},
    {R_SURVIVOR, AT_NONE, 10, "Quiet room", 1, 2, B_ALL},
    {R_STEWARD, AT_NONE, 24, "Gate", 2, 4, B_ALL},
    {R_TRANSPORT, AT_NONE, 154, "Shuttle stop", 1, 2, B_ALL},
    {R_CATERING, AT_NONE, 80, "Catering station", 2, 4, B_ALL},
    {R_BOOTH, AT_BOOTHS, 0, NULL, 1, 1, B_ALL},
    {R_ACCESS, AT_NONE, 40, "Accessibility point", 1, 2, B_ALL},
};

/* Thursday-Sunday, ending on the fall-back day (7 November 2027). */
const struct conf_spec demo_summit = {
    .ev =
        {
            .name = "World Summit Against Human Trafficking 2027",
            .tz = "America/Los_Angeles",
            .venue = "Pacific Gateway Convention Center",
            .address = "1 Convention Plaza, Los Angeles, CA 90000",
            .description = "Four days, twenty-six breakout rooms, 171 exhibitor booths and "
                           "five thousand volunteers: the scale set for benchmarks.",
            .first_day = 20271104,
            .days = 4,
            .day_start = HM(8, 0),
            .day_end = HM(21, 0),
            .setup_start = HM(5, 0),
            .teardown_end = HM(23, 0),
            .capacity = 80000,
            .host = O_ATLANTIC,
        },
    .area = "213",
    .plenary = "Plenary Hall",
    .plenary_cap = 6000,
    .nbreakouts = 26,
    .nexhibits = 3,
    .booth_prefix = "ABC",
    .booths_all = 45,
    .booths_day = 3,
    .stage = "Garden Stage",
    .regional_titles = true,
    .block_start = HM(6, 0),
    .block_len = 120,
    .nblocks = 8,
    .posts = summit_posts,
    .nposts = ARRAY_LEN(summit_posts),
    .rates = summit_rates,
    .nrates = ARRAY_LEN(summit_rates),
    .norgs = 205,
    .org_first = SUMMIT_ORGS,
    .volunteers = 3800,
    .vol_speakers = 40,
    .staff = 120,
    .speakers = 900,
    .survivors = 12,
    .partners_per_booth = 2,
    .press = 200,
    .attendees = 65000,
    .undercover = 5,
    .avail_pct = 5,
};

const struct regional demo_regionals[] = {
    {"Gulf Coast Regional Forum 2027", "America/Chicago", "Bayfront Civic Center",
     "200 Seawall Drive, Port Alder, TX 77000", "409", 20270417},
    {"Mountain West Regional Forum 2027", "America/Denver", "Foothills Event Center",
     "88 Aspen Way, Granite Falls, CO 80000", "720", 20270515},
    {"Pacific Northwest Regional Forum 2027", "America/Los_Angeles", "Cedar Sound Pavilion",
     "12 Ferry Street, Port Mara, WA 98000", "206", 20270612},
    {"Great Lakes Regional Forum 2027", "America/Detroit", "Northshore Union Hall",
     "450 Lakefront Avenue, Bay Harbor, MI 48000", "313", 20270918},
};

/* The lengths of the tables the planner walks. */
const size_t demo_cultures_n = ARRAY_LEN(demo_cultures);
const size_t demo_org_places_n = ARRAY_LEN(demo_org_places);
const size_t demo_org_kinds_n = ARRAY_LEN(demo_org_kinds);
const size_t demo_topics_n = ARRAY_LEN(demo_topics);
const size_t demo_regions_n = ARRAY_LEN(demo_regions);
const size_t demo_opening_titles_n = ARRAY_LEN(demo_opening_titles);
const size_t demo_closing_titles_n = ARRAY_LEN(demo_closing_titles);
const size_t demo_evening_titles_n = ARRAY_LEN(demo_evening_titles);
const size_t demo_speaker_patterns_n = ARRAY_LEN(demo_speaker_patterns);
const size_t demo_gathering_rooms_n = ARRAY_LEN(demo_gathering_rooms);
const size_t demo_gathering_sessions_n = ARRAY_LEN(demo_gathering_sessions);
const size_t demo_gathering_speakers_n = ARRAY_LEN(demo_gathering_speakers);
const size_t demo_gathering_talks_n = ARRAY_LEN(demo_gathering_talks);
const size_t demo_gathering_roles_n = ARRAY_LEN(demo_gathering_roles);
const size_t demo_gathering_shifts_n = ARRAY_LEN(demo_gathering_shifts);
const size_t demo_gathering_rates_n = ARRAY_LEN(demo_gathering_rates);
const size_t demo_gathering_windows_n = ARRAY_LEN(demo_gathering_windows);
const size_t demo_regionals_n = ARRAY_LEN(demo_regionals);

_Static_assert(ARRAY_LEN(demo_gathering_speakers) == G_SPEAKERS, "G_SPEAKERS counts them");
