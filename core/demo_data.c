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

/* A culture's given and family names, each with its count. */
#define GIVEN(a)  .given = a, .ngiven = ARRAY_LEN(a)
#define FAMILY(a) .family = a, .nfamily = ARRAY_LEN(a)

const struct culture demo_cultures[] = {
    {GIVEN(en_given), FAMILY(en_family), .sep = " ", .weight = 26},
    {GIVEN(es_given), FAMILY(es_family), .sep = " ", .weight = 20},
    {GIVEN(vi_given), FAMILY(vi_family), .family_first = true, .sep = " ", .weight = 8},
    {GIVEN(km_given), FAMILY(km_family), .family_first = true, .sep = " ", .weight = 6},
    {GIVEN(th_given), FAMILY(th_family), .sep = " ", .weight = 5},
    {GIVEN(zh_given), FAMILY(zh_family), .family_first = true, .sep = "", .weight = 7},
    {GIVEN(ar_given), FAMILY(ar_family), .sep = " ", .weight = 7},
    {GIVEN(uk_given), FAMILY(uk_family), .sep = " ", .weight = 5},
    {GIVEN(ko_given), FAMILY(ko_family), .family_first = true, .sep = "", .weight = 5},
    {GIVEN(hi_given), FAMILY(hi_family), .sep = " ", .weight = 6},
    {GIVEN(am_given), FAMILY(am_family), .sep = " ", .weight = 5},
};

/* ---- organizations ------------------------------------------------------- */

const struct org_seed demo_org_seeds[NSEED_ORGS] = {
    {.name = "Lakeshore Freedom Network",
     .sector = "ngo",
     .slug = "lakeshorefreedom",
     .notes = "Coalition lead for the north lakefront; co-hosts the December gathering."},
    {.name = "Southside Interfaith Alliance",
     .sector = "faith",
     .slug = "southsideinterfaith",
     .notes = "Twelve congregations; co-host of the December gathering."},
    {.name = "Lakemont Police Human Trafficking Unit",
     .sector = "law_enforcement",
     .slug = "lakemontpd",
     .notes = NULL},
    {.name = "Harlan County Office of Victim Services",
     .sector = "government",
     .slug = "harlanvictims",
     .notes = NULL},
    {.name = "Second Chance Legal Clinic",
     .sector = "ngo",
     .slug = "secondchancelegal",
     .notes = "Vacatur and T visa cases."},
    {.name = "Northside Youth Collective",
     .sector = "civil_society",
     .slug = "northsideyouth",
     .notes = NULL},
    {.name = "Mercy Street Health Center",
     .sector = "health",
     .slug = "mercystreet",
     .notes = NULL},
    {.name = "Westbrook Community College",
     .sector = "education",
     .slug = "westbrookcc",
     .notes = NULL},
    {.name = "Grand Avenue Hotel Association",
     .sector = "business",
     .slug = "grandavehotels",
     .notes = NULL},
    {.name = "Safe Harbor Shelter",
     .sector = "ngo",
     .slug = "safeharbor",
     .notes = "Confidential address: never print it."},
    {.name = "St. Brigid Parish Outreach", .sector = "faith", .slug = "stbrigid", .notes = NULL},
    {.name = "Masjid al-Noor Community Services",
     .sector = "faith",
     .slug = "alnoor",
     .notes = NULL},
    {.name = "Lakeshore Workers' Center",
     .sector = "civil_society",
     .slug = "lakeshoreworkers",
     .notes = NULL},
    {.name = "Midwest Truckers Against Exploitation",
     .sector = "business",
     .slug = "midwesttruckers",
     .notes = NULL},
    {.name = "Riverbend School District Prevention Program",
     .sector = "education",
     .slug = "riverbendschools",
     .notes = NULL},
    {.name = "Open Door Survivor Alliance",
     .sector = "ngo",
     .slug = "opendoor",
     .notes = "Survivor-led; speakers by request only."},
    {.name = "Prairie State Attorney's Victim Witness Unit",
     .sector = "government",
     .slug = "prairiesa",
     .notes = NULL},
    {.name = "Asian Family Support Services",
     .sector = "ngo",
     .slug = "asianfamily",
     .notes = NULL},
    {.name = "Atlantic Coalition Against Trafficking",
     .sector = "civil_society",
     .slug = "atlanticcoalition",
     .notes = "Hosts the March forum."},
    {.name = "Keystone Regional Task Force",
     .sector = "law_enforcement",
     .slug = "keystonetaskforce",
     .notes = NULL},
    {.name = "Commonwealth Office of Human Services",
     .sector = "government",
     .slug = "commonwealthhs",
     .notes = NULL},
    {.name = "Harborline Seafood Cooperative",
     .sector = "business",
     .slug = "harborline",
     .notes = NULL},
    {.name = "Fair Harvest Farmworker Alliance",
     .sector = "civil_society",
     .slug = "fairharvest",
     .notes = NULL},
    {.name = "Survivors Forward",
     .sector = "ngo",
     .slug = "survivorsforward",
     .notes = "Survivor speakers bureau."},
    {.name = "Liberty Street Legal Aid", .sector = "ngo", .slug = "libertylegal", .notes = NULL},
    {.name = "Brightpath Youth Services", .sector = "ngo", .slug = "brightpath", .notes = NULL},
    {.name = "Riverside Hospitality Group",
     .sector = "business",
     .slug = "riversidehospitality",
     .notes = NULL},
    {.name = "Keystone Mutual Credit Union",
     .sector = "business",
     .slug = "keystonemutual",
     .notes = NULL},
    {.name = "Tri-River Health Partners",
     .sector = "health",
     .slug = "tririverhealth",
     .notes = NULL},
    {.name = "Ironbridge University Human Rights Lab",
     .sector = "education",
     .slug = "ironbridge",
     .notes = NULL},
    {.name = "New Covenant Anti-Trafficking Ministry",
     .sector = "faith",
     .slug = "newcovenant",
     .notes = NULL},
    {.name = "Temple Or Chadash Social Action Committee",
     .sector = "faith",
     .slug = "orchadash",
     .notes = NULL},
    {.name = "Coastal Port Authority Police",
     .sector = "law_enforcement",
     .slug = "portpolice",
     .notes = NULL},
    {.name = "Tech Against Exploitation Collaborative",
     .sector = "business",
     .slug = "techagainst",
     .notes = NULL},
    {.name = "Migrant Justice Project", .sector = "ngo", .slug = "migrantjustice", .notes = NULL},
    {.name = "Eastern Shore Runaway Youth Shelter",
     .sector = "ngo",
     .slug = "easternshoreyouth",
     .notes = NULL},
    {.name = "Metro Transit Safety Partnership",
     .sector = "government",
     .slug = "transitsafety",
     .notes = NULL},
    {.name = "Pinecrest Medical Center Forensic Nursing",
     .sector = "health",
     .slug = "pinecrestmed",
     .notes = NULL},
    {.name = "Three Rivers Interfaith Network",
     .sector = "faith",
     .slug = "threerivers",
     .notes = NULL},
    {.name = "Khmer Family Resource Center", .sector = "ngo", .slug = "khmerfamily", .notes = NULL},
};

/* The large set adds every place x kind combination. */
const char *const demo_org_places[] = {
    "Riverside", "Harbor",    "Summit",    "Prairie", "Cascade",  "Bayou",         "Mesa",
    "Pinecrest", "Lakeview",  "Northgate", "Coastal", "Valley",   "Metro",         "Tri-County",
    "Heartland", "Evergreen", "Sunrise",   "Canyon",  "Ironwood", "Golden Plains",
};

const struct org_kind demo_org_kinds[] = {
    {.kind = "Freedom Network", .sector = "ngo"},
    {.kind = "Sheriff's Office Trafficking Unit", .sector = "law_enforcement"},
    {.kind = "Office of Victim Services", .sector = "government"},
    {.kind = "Hotel Association", .sector = "business"},
    {.kind = "Trucking Alliance", .sector = "business"},
    {.kind = "Interfaith Council", .sector = "faith"},
    {.kind = "Community College", .sector = "education"},
    {.kind = "Health Clinic Network", .sector = "health"},
    {.kind = "Youth Coalition", .sector = "civil_society"},
    {.kind = "Survivor Alliance", .sector = "ngo"},
    {.kind = "Legal Aid Project", .sector = "ngo"},
    {.kind = "Workers' Rights Center", .sector = "civil_society"},
};

/* ---- sessions ------------------------------------------------------------ */

const struct topic demo_topics[] = {
    {.title = "Social media recruitment: how traffickers find teens online",
     .kind = "panel",
     .about = "Grooming patterns on social apps and what platforms, parents and schools can do."},
    {.title = "Building a law-enforcement task force that survivors trust",
     .kind = "panel",
     .about = "Investigators and advocates on victim-centered joint operations."},
    {.title = "Mapping forced labor in seafood supply chains",
     .kind = "breakout",
     .about = "Tracing vessels, processors and recruiters from port to shelf."},
    {.title = "Labor trafficking in agriculture: visas and the fields",
     .kind = "panel",
     .about = "Temporary visa programs, labor contractors and worker outreach."},
    {.title = "Survivor-led services: funding, governance and pay",
     .kind = "panel",
     .about = "Survivor leaders on building organizations they run."},
    {.title = "Youth outreach in schools and after-school programs",
     .kind = "workshop",
     .about = "Prevention curricula that students take seriously."},
    {.title = "Hotel and hospitality staff training that works",
     .kind = "training",
     .about = "Front desk, housekeeping and security: indicators and safe reporting."},
    {.title = "Financial red flags: what banks and credit unions see",
     .kind = "breakout",
     .about = "Transaction patterns, account openings and reporting duties."},
    {.title = "Online advertising, moderation and takedowns",
     .kind = "breakout",
     .about = "How escort ads migrate and how moderators can keep up."},
    {.title = "Multi-agency case coordination from tip to trial",
     .kind = "workshop",
     .about = "Case conferences, consent and information sharing."},
    {.title = "Supplier audits beyond the checklist",
     .kind = "workshop",
     .about = "Worker voice, unannounced visits and remediation."},
    {.title = "Farmworker organizing and worker-driven social responsibility",
     .kind = "panel",
     .about = "Codes of conduct that workers enforce."},
    {.title = "Peer mentorship programs run by survivors",
     .kind = "breakout",
     .about = "Training, supervision and pay for peer mentors."},
    {.title = "Runaway and homeless youth: shelter as prevention",
     .kind = "panel",
     .about = "Street outreach, drop-in centers and host homes."},
    {.title = "Truck stops, transit hubs and frontline reporting",
     .kind = "training",
     .about = "What drivers, station staff and riders can notice and report."},
    {.title = "Following the money: suspicious activity reports in practice",
     .kind = "training",
     .about = "Writing reports investigators can use."},
    {.title = "Sextortion and gaming platforms",
     .kind = "workshop",
     .about = "Recognizing and interrupting sextortion."},
    {.title = "Victim-centered interviewing for investigators",
     .kind = "training",
     .about = "Trauma-informed interviews that hold up in court."},
    {.title = "Procurement policy for public agencies",
     .kind = "breakout",
     .about = "Contract clauses, certification and enforcement."},
    {.title = "Domestic work and hidden labor exploitation",
     .kind = "panel",
     .about = "Nannies, housekeepers and caregivers behind closed doors."},
    {.title = "Trauma-informed housing and long-term recovery",
     .kind = "breakout",
     .about = "Housing first, safety planning and aftercare."},
    {.title = "Foster care pathways and prevention",
     .kind = "panel",
     .about = "Child welfare and trafficking risk."},
    {.title = "Hospitality industry partnerships: a case study",
     .kind = "breakout",
     .about = "One hotel group's three years of training and reporting."},
    {.title = "Cryptocurrency and payment processors",
     .kind = "panel",
     .about = "Tracing payments for online exploitation."},
    {.title = "Language access and interpreters in victim services",
     .kind = "workshop",
     .about = "Working with interpreters, including Khmer, Spanish and ASL."},
    {.title = "Cross-border cases and consular cooperation",
     .kind = "panel",
     .about = "Repatriation, consulates and safe return."},
    {.title = "Corporate disclosure laws and what they changed",
     .kind = "breakout",
     .about = "A decade of supply chain transparency reporting."},
    {.title = "Restaurant and nail salon labor investigations",
     .kind = "breakout",
     .about = "Wage theft, debt bondage and how cases are built."},
    {.title = "Survivor voices in policy making",
     .kind = "panel",
     .about = "Survivor advisory councils that have power."},
    {.title = "Parents and caregivers: talking to kids about online safety",
     .kind = "workshop",
     .about = "Conversation guides for families."},
    {.title = "Healthcare screening in emergency departments",
     .kind = "training",
     .about = "Screening questions and referral protocols for clinicians."},
    {.title = "Data sharing without harming survivors",
     .kind = "breakout",
     .about = "Privacy, confidentiality and what never goes in a database."},
    {.title = "Faith communities as first responders",
     .kind = "workshop",
     .about = "What congregations can offer and what to refer."},
    {.title = "Legal remedies: T visas and vacatur",
     .kind = "training",
     .about = "Immigration relief and clearing records."},
    {.title = "Measuring what matters: outcome data for service providers",
     .kind = "breakout",
     .about = "Outcome measures that respect survivors."},
    {.title = "Building a regional hotline referral network",
     .kind = "workshop",
     .about = "Who answers, who responds, and how to follow up."},
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
    {.kind = "general", .roles = {"host", "speaker", "speaker", NULL}},
    {.kind = "panel", .roles = {"moderator", "panelist", "panelist", "panelist"}},
    {.kind = "breakout", .roles = {"speaker", "speaker", NULL, NULL}},
    {.kind = "workshop", .roles = {"host", "speaker", NULL, NULL}},
    {.kind = "training", .roles = {"speaker", NULL, NULL, NULL}},
    {.kind = "screening", .roles = {"host", NULL, NULL, NULL}},
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
    {.name = "Main Hall", .capacity = 150, .kind = "hall"},
    {.name = "Resource Fair", .capacity = 120, .kind = "booth_area"},
    {.name = "Screening Room", .capacity = 60, .kind = "room"},
};
const struct gathering_session demo_gathering_sessions[] = {
    {.room = G_MAIN,
     .start = HM(10, 0),
     .end = HM(10, 30),
     .title = "Welcome and opening remarks",
     .kind = "general",
     .about =
         "Welcome from the co-hosts, Lakeshore Freedom Network and Southside Interfaith Alliance."},
    {.room = G_FAIR,
     .start = HM(10, 0),
     .end = HM(16, 0),
     .title = "Resource fair",
     .kind = "general",
     .about =
         "Sixteen partner organizations at booths B01-B16: services, training and ways to help."},
    {.room = G_SCREEN,
     .start = HM(10, 30),
     .end = HM(12, 0),
     .title = "Film screening: \"Invisible Chains\"",
     .kind = "screening",
     .about = "A fictional documentary about labor trafficking in a Midwest city."},
    {.room = G_MAIN,
     .start = HM(12, 0),
     .end = HM(13, 0),
     .title = "Lunch break",
     .kind = "break",
     .about = "Lunch served by St. Brigid Parish Outreach volunteers."},
    {.room = G_MAIN,
     .start = HM(13, 0),
     .end = HM(14, 30),
     .title = "Panel: recognizing trafficking in our neighborhoods",
     .kind = "panel",
     .about =
         "A detective, a survivor leader, a nurse, an attorney and a youth organizer on what to "
         "notice and whom to call."},
    {.room = G_SCREEN,
     .start = HM(14, 45),
     .end = HM(15, 45),
     .title = "Encore screening and discussion",
     .kind = "screening",
     .about = "A second showing of \"Invisible Chains\", then questions."},
    {.room = G_MAIN,
     .start = HM(15, 45),
     .end = HM(16, 0),
     .title = "Closing and community commitments",
     .kind = "general",
     .about = "What each of us will do next."},
};

const struct gathering_speaker demo_gathering_speakers[] = {
    {.org = O_LAKESHORE, .notes = "Executive director; welcome and panel moderator."},
    {.org = O_SOUTHSIDE, .notes = "Pastor; co-host."},
    {.org = O_COLLEGE, .notes = "Film studies professor; introduces the screenings."},
    {.org = O_POLICE, .notes = "Detective, human trafficking unit."},
    {.org = O_OPEN_DOOR,
     .confidential = true,
     .notes = "Survivor leader: first name only on screens and badges; no photos."},
    {.org = O_MERCY_HEALTH, .notes = "Nurse practitioner."},
    {.org = O_LEGAL_CLINIC, .notes = "Staff attorney."},
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
    {.name = "Registration desk",
     .about = "Welcome people, check them in, hand out name tags and programs.",
     .skill = -1,
     .min_age = 0},
    {.name = "Greeter",
     .about = "Meet people at the doors and point the way to the hall, fair and screening.",
     .skill = -1,
     .min_age = 0},
    {.name = "Booth support",
     .about = "Help partners set up, cover booths during breaks, pack up.",
     .skill = -1,
     .min_age = 0},
    {.name = "AV",
     .about = "Microphones, slides and the film in the main hall and the screening room.",
     .skill = SK_AV,
     .min_age = 0},
};

/* A gathering shift's place (a room, a booth or neither), its times and
 * a post's or shift's need, by name in the tables below. */
#define AT_ROOM(r)   .room = (r), .booth = -1
#define AT_BOOTH(b)  .room = -1, .booth = (b)
#define NOWHERE      .room = -1, .booth = -1
#define SPAN(a, b)   .start = (a), .end = (b)
#define NEED(lo, hi) .need_min = (lo), .need_max = (hi)

const struct gathering_shift demo_gathering_shifts[] = {
    {.role = 0, NOWHERE, SPAN(HM(8, 30), HM(10, 30)), NEED(2, 3), .notes = "Front entrance tables"},
    {.role = 0, NOWHERE, SPAN(HM(11, 0), HM(13, 0)), NEED(1, 2), .notes = "Front entrance tables"},
    {.role = 0, NOWHERE, SPAN(HM(13, 30), HM(16, 0)), NEED(1, 2), .notes = "Front entrance tables"},
    {.role = 1, NOWHERE, SPAN(HM(9, 30), HM(11, 30)), NEED(2, 3), .notes = "Front doors and lobby"},
    {.role = 1, NOWHERE, SPAN(HM(12, 0), HM(14, 0)), NEED(1, 2), .notes = "Front doors and lobby"},
    {.role = 1,
     NOWHERE,
     SPAN(HM(14, 30), HM(16, 30)),
     NEED(1, 2),
     .notes = "Front doors and lobby"},
    {.role = 2,
     AT_ROOM(G_FAIR),
     SPAN(HM(8, 0), HM(10, 0)),
     NEED(3, 5),
     .notes = "Set up tables, chairs and signs"},
    {.role = 2,
     AT_BOOTH(2),
     SPAN(HM(10, 0), HM(13, 0)),
     NEED(1, 1),
     .notes = "Cover the booth during staff breaks"},
    {.role = 2,
     AT_BOOTH(6),
     SPAN(HM(10, 0), HM(13, 0)),
     NEED(1, 1),
     .notes = "Cover the booth during staff breaks"},
    {.role = 2,
     AT_BOOTH(10),
     SPAN(HM(13, 30), HM(16, 0)),
     NEED(1, 1),
     .notes = "Cover the booth during staff breaks"},
    {.role = 2,
     AT_ROOM(G_FAIR),
     SPAN(HM(16, 0), HM(17, 0)),
     NEED(3, 5),
     .notes = "Pack up the fair"},
    {.role = 3,
     AT_ROOM(G_MAIN),
     SPAN(HM(9, 0), HM(12, 0)),
     NEED(1, 1),
     .notes = "Microphones and slides for the welcome"},
    {.role = 3,
     AT_ROOM(G_SCREEN),
     SPAN(HM(10, 0), HM(12, 15)),
     NEED(1, 1),
     .notes = "Projector and sound for the screening"},
    {.role = 3,
     AT_ROOM(G_MAIN),
     SPAN(HM(12, 45), HM(16, 0)),
     NEED(1, 2),
     .notes = "Panel microphones and the closing"},
    {.role = 3,
     AT_ROOM(G_SCREEN),
     SPAN(HM(14, 30), HM(16, 0)),
     NEED(1, 1),
     .notes = "Encore screening"},
};

const struct skill_rate demo_gathering_rates[] = {
    {.skill = SK_AV, .pct = 20, .expiring_pct = 0},
    {.skill = SK_FIRST_AID, .pct = 20, .expiring_pct = 100},
    {.skill = SK_SPANISH, .pct = 13, .expiring_pct = 0},
    {.skill = SK_TIC, .pct = 13, .expiring_pct = 30},
    {.skill = SK_KHMER, .pct = 7, .expiring_pct = 0},
    {.skill = SK_ASL, .pct = 7, .expiring_pct = 0},
};

/* Availability windows of two gathering volunteers: {volunteer, from, to}. */
const int demo_gathering_windows[][3] = {{7, HM(8, 0), HM(13, 30)}, {11, HM(12, 0), HM(17, 0)}};

/* ---- conferences: the two-day forum (small) and the scale set (large) ---- */

const struct role_seed demo_conf_roles[NCONF_ROLES] = {
    [R_REG] = {.name = "Registration desk",
               .about = "Check people in, print badges, answer first questions.",
               .skill = -1,
               .min_age = 0},
    [R_USHER] = {.name = "Usher",
                 .about = "Seat people, keep aisles and exits clear, count the room.",
                 .skill = -1,
                 .min_age = 0},
    [R_MONITOR] = {.name = "Room monitor",
                   .about = "Keep a breakout on time, pass the microphone, report problems.",
                   .skill = -1,
                   .min_age = 0},
    [R_INFO] = {.name = "Info desk",
                .about = "Directions, lost and found, program questions.",
                .skill = -1,
                .min_age = 0},
    [R_AV] = {.name = "AV tech",
              .about = "Microphones, projector and streaming for one room.",
              .skill = SK_AV,
              .min_age = 0},
    [R_FIRST_AID] = {.name = "First aid",
                     .about = "Staff the first aid post; call emergency services if needed.",
                     .skill = SK_FIRST_AID,
                     .min_age = 18},
    [R_SPANISH] = {.name = "Interpreter: Spanish",
                   .about = "Interpret sessions and help Spanish-speaking guests.",
                   .skill = SK_SPANISH,
                   .min_age = 0},
    [R_SURVIVOR] = {.name = "Survivor support",
                    .about = "Staff the quiet room; accompany survivors who ask for support.",
                    .skill = SK_TIC,
                    .min_age = 21},
    [R_KHMER] = {.name = "Interpreter: Khmer",
                 .about = "Interpret for Khmer-speaking guests and speakers.",
                 .skill = SK_KHMER,
                 .min_age = 0},
    [R_ASL] = {.name = "ASL interpreter",
               .about = "Interpret sessions in American Sign Language.",
               .skill = SK_ASL,
               .min_age = 0},
    [R_STEWARD] = {.name = "Entrance steward",
                   .about = "Check badges at a gate and keep queues moving.",
                   .skill = -1,
                   .min_age = 16},
    [R_TRANSPORT] = {.name = "Transport guide",
                     .about = "Meet shuttles and guide guests between hotels and venue.",
                     .skill = -1,
                     .min_age = 18},
    [R_CATERING] = {.name = "Catering",
                    .about = "Serve meals and water, keep stations stocked.",
                    .skill = -1,
                    .min_age = 0},
    [R_BOOTH] = {.name = "Booth support",
                 .about = "Help exhibitors set up and cover booths during breaks.",
                 .skill = -1,
                 .min_age = 0},
    [R_ACCESS] = {.name = "Accessibility guide",
                  .about = "Help guests with disabilities find seats, lifts and quiet spaces.",
                  .skill = -1,
                  .min_age = 0},
};

static const char *const forum_breakouts[] = {"Delaware Room", "Schuylkill Room", "Brandywine Room",
                                              "Lehigh Room", "Susquehanna Room"};

/* Booth order: 16 for both days, then 4 on Saturday and 4 on Sunday; the
 * last three only send speakers and attendees. */
static const int16_t forum_orgs[] = {19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 4, 6,
                                     9,  13, 31, 32, 33, 34, 35, 36, 15, 17, 37, 38, 39};

static const struct skill_rate forum_rates[] = {
    {.skill = SK_AV, .pct = 16, .expiring_pct = 0},
    {.skill = SK_FIRST_AID, .pct = 14, .expiring_pct = 100},
    {.skill = SK_SPANISH, .pct = 8, .expiring_pct = 20},
    {.skill = SK_TIC, .pct = 10, .expiring_pct = 30},
    {.skill = SK_KHMER, .pct = 3, .expiring_pct = 0},
    {.skill = SK_ASL, .pct = 3, .expiring_pct = 20},
};

static const struct post forum_posts[] = {
    {.role = R_REG,
     .at = AT_NONE,
     .count = 1,
     .where = "Main lobby registration counters",
     NEED(2, 4),
     .blocks = B_ALL | B_SETUP},
    {.role = R_USHER, .at = AT_PLENARY, NEED(3, 6), .blocks = B_ALL},
    {.role = R_USHER, .at = AT_BREAKOUTS, NEED(1, 2), .blocks = B_ALL},
    {.role = R_USHER,
     .at = AT_EXHIBITS,
     .where = "Pack up the exhibit hall",
     NEED(3, 6),
     .blocks = B_TEARDOWN},
    {.role = R_MONITOR, .at = AT_BREAKOUTS, NEED(1, 2), .blocks = B_ALL & ~1u},
    {.role = R_INFO,
     .at = AT_NONE,
     .count = 1,
     .where = "Information desk, main lobby",
     NEED(1, 2),
     .blocks = B_ALL},
    {.role = R_AV, .at = AT_PLENARY, NEED(2, 3), .blocks = B_ALL},
    {.role = R_AV, .at = AT_BREAKOUTS, NEED(1, 1), .blocks = B_ALL},
    {.role = R_FIRST_AID,
     .at = AT_NONE,
     .count = 1,
     .where = "First aid station by the Exhibit Hall",
     NEED(2, 3),
     .blocks = B_ALL},
    {.role = R_SPANISH,
     .at = AT_PLENARY,
     .where = "Interpretation booth, back of the ballroom",
     NEED(1, 2),
     .blocks = B_ALL},
    {.role = R_SURVIVOR,
     .at = AT_NONE,
     .count = 1,
     .where = "Quiet room 105",
     NEED(1, 2),
     .blocks = B_ALL},
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
    {.skill = SK_AV, .pct = 10, .expiring_pct = 0},
    {.skill = SK_FIRST_AID, .pct = 15, .expiring_pct = 100},
    {.skill = SK_SPANISH, .pct = 10, .expiring_pct = 20},
    {.skill = SK_TIC, .pct = 8, .expiring_pct = 30},
    {.skill = SK_KHMER, .pct = 2, .expiring_pct = 0},
    {.skill = SK_ASL, .pct = 4, .expiring_pct = 20},
};

static const struct post summit_posts[] = {
    {.role = R_REG,
     .at = AT_NONE,
     .count = 40,
     .where = "Registration counter",
     NEED(2, 4),
     .blocks = B_ALL | B_SETUP},
    {.role = R_USHER, .at = AT_PLENARY, NEED(6, 12), .blocks = B_ALL},
    {.role = R_USHER, .at = AT_BREAKOUTS, NEED(1, 2), .blocks = B_ALL},
    {.role = R_USHER,
     .at = AT_EXHIBITS,
     .where = "Pack up the exhibit hall",
     NEED(4, 8),
     .blocks = B_TEARDOWN},
    {.role = R_MONITOR, .at = AT_BREAKOUTS, NEED(1, 2), .blocks = B_ALL & ~1u},
    {.role = R_INFO,
     .at = AT_NONE,
     .count = 20,
     .where = "Information point",
     NEED(1, 2),
     .blocks = B_ALL},
    {.role = R_AV, .at = AT_PLENARY, NEED(3, 4), .blocks = B_ALL},
    {.role = R_AV, .at = AT_BREAKOUTS, NEED(1, 1), .blocks = B_ALL},
    {.role = R_FIRST_AID,
     .at = AT_NONE,
     .count = 16,
     .where = "First aid post",
     NEED(2, 3),
     .blocks = B_ALL},
    {.role = R_SPANISH, .at = AT_PLENARY, NEED(2, 3), .blocks = B_ALL},
    {.role = R_SPANISH, .at = AT_BREAKOUTS, NEED(1, 1), .blocks = B_ALL},
    {.role = R_KHMER, .at = AT_PLENARY, NEED(1, 2), .blocks = B_ALL},
    {.role = R_ASL, .at = AT_PLENARY, NEED(2, 2), .blocks = B_ALL},
    {.role = R_ASL, .at = AT_BREAKOUTS, NEED(1, 1), .blocks = B_ALL},
    {.role = R_SURVIVOR,
     .at = AT_NONE,
     .count = 10,
     .where = "Quiet room",
     NEED(1, 2),
     .blocks = B_ALL},
    {.role = R_STEWARD, .at = AT_NONE, .count = 24, .where = "Gate", NEED(2, 4), .blocks = B_ALL},
    {.role = R_TRANSPORT,
     .at = AT_NONE,
     .count = 154,
     .where = "Shuttle stop",
     NEED(1, 2),
     .blocks = B_ALL},
    {.role = R_CATERING,
     .at = AT_NONE,
     .count = 80,
     .where = "Catering station",
     NEED(2, 4),
     .blocks = B_ALL},
    {.role = R_BOOTH, .at = AT_BOOTHS, NEED(1, 1), .blocks = B_ALL},
    {.role = R_ACCESS,
     .at = AT_NONE,
     .count = 40,
     .where = "Accessibility point",
     NEED(1, 2),
     .blocks = B_ALL},
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
    {.name = "Gulf Coast Regional Forum 2027",
     .tz = "America/Chicago",
     .venue = "Bayfront Civic Center",
     .address = "200 Seawall Drive, Port Alder, TX 77000",
     .area = "409",
     .date = 20270417},
    {.name = "Mountain West Regional Forum 2027",
     .tz = "America/Denver",
     .venue = "Foothills Event Center",
     .address = "88 Aspen Way, Granite Falls, CO 80000",
     .area = "720",
     .date = 20270515},
    {.name = "Pacific Northwest Regional Forum 2027",
     .tz = "America/Los_Angeles",
     .venue = "Cedar Sound Pavilion",
     .address = "12 Ferry Street, Port Mara, WA 98000",
     .area = "206",
     .date = 20270612},
    {.name = "Great Lakes Regional Forum 2027",
     .tz = "America/Detroit",
     .venue = "Northshore Union Hall",
     .address = "450 Lakefront Avenue, Bay Harbor, MI 48000",
     .area = "313",
     .date = 20270918},
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
