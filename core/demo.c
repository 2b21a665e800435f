/* demo.c - the fictional demo data of SPEC section 4. The whole set is planned
 * in memory first, from static tables and a seeded xorshift64* generator (so
 * every run gives the same rows), with volunteers staffed by a planner that
 * keeps the rules of SPEC section 3 by construction. The small set (a one-day
 * gathering and a two-day forum across a DST change) is then written row by
 * row through record_write, so every rule and audit applies; the large scale
 * set goes through the prepared bulk inserts of db/demo_store.c. */
#include "demo.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "../db/demo_store.h"
#include "../db/record_store.h"
#include "audit.h"
#include "entity.h"
#include "person.h"
#include "schedule.h"
#include "tz.h"
#include "xmalloc.h"

#define HM(h, m) ((h)*60 + (m)) /* minutes of a local day */

/* ---- deterministic randomness (xorshift64*) ------------------------------ */

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * UINT64_C(0x2545F4914F6CDD1D);
}

/* 0 .. n-1 (0 when n is 0). */
static unsigned rng_below(struct rng *r, unsigned n)
{
	return n ? (unsigned)((rng_next(r) >> 32) % n) : 0;
}

static bool rng_pct(struct rng *r, unsigned pct)
{
	return rng_below(r, 100) < pct;
}

/* ---- calendar dates as YYYYMMDD integers --------------------------------- */

/* Days since 1970-01-01 of a YYYYMMDD date, and back (core/tz.c's algorithm). */
static int64_t ymd_days(int32_t ymd)
{
	return tz_days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100);
}

static int32_t days_ymd(int64_t z)
{
	int64_t y;
	int m, d;
	tz_civil_from_days(z, &y, &m, &d);
	return (int32_t)(y * 10000 + m * 100 + d);
}

static int32_t ymd_add(int32_t ymd, int64_t days)
{
	return days_ymd(ymd_days(ymd) + days);
}

/* Whole years from birth to date (both YYYYMMDD). */
static int age_on(int32_t birth, int32_t date)
{
	return (date - birth) / 10000;
}

/* ---- storage helpers: string arena, growable arrays, counting map -------- */

struct vec {
	void *a;
	size_t n, cap;
};

#define AT(v, T, i) (&((T *)(v).a)[i])

/* Append one zeroed element; earlier pointers into v may move. */
static void *vec_push(struct vec *v, size_t size)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->a = xrealloc(v->a, v->cap * size);
	}
	void *at = (char *)v->a + v->n++ * size;
	memset(at, 0, size);
	return at;
}

struct arena {
	char *block;
	size_t used, cap;
	struct vec blocks; /* char * */
};

static const char *arena_str(struct arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	if (a->used + n > a->cap) {
		a->cap = n > 65536 ? n : 65536;
		a->block = xmalloc(a->cap);
		a->used = 0;
		*(char **)vec_push(&a->blocks, sizeof(char *)) = a->block;
	}
	char *at = a->block + a->used;
	memcpy(at, s, n);
	a->used += n;
	return at;
}

static void arena_free(struct arena *a)
{
	for (size_t i = 0; i < a->blocks.n; i++)
		free(*AT(a->blocks, char *, i));
	free(a->blocks.a);
}

/* Open-addressing map from a 64-bit key to a count (0 = empty slot). */
struct map {
	uint64_t *keys;
	uint32_t *vals;
	size_t n, cap;
};

static size_t map_home(uint64_t key, size_t cap)
{
	return (size_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> 20) & (cap - 1);
}

static void map_grow(struct map *m)
{
	struct map old = *m;
	m->cap = old.cap ? old.cap * 2 : 1024;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->vals = xcalloc(m->cap, sizeof *m->vals);
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.vals[i])
			continue;
		size_t j = map_home(old.keys[i], m->cap);
		while (m->vals[j])
			j = (j + 1) & (m->cap - 1);
		m->keys[j] = old.keys[i];
		m->vals[j] = old.vals[i];
	}
	free(old.keys);
	free(old.vals);
}

/* Count one more key; returns how many times it has now been seen. */
static uint32_t map_bump(struct map *m, uint64_t key)
{
	if ((m->n + 1) * 2 > m->cap)
		map_grow(m);
	size_t j = map_home(key, m->cap);
	while (m->vals[j] && m->keys[j] != key)
		j = (j + 1) & (m->cap - 1);
	if (!m->vals[j]) {
		m->keys[j] = key;
		m->n++;
	}
	return ++m->vals[j];
}

static void map_free(struct map *m)
{
	free(m->keys);
	free(m->vals);
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(0x100000001b3);
	return h;
}

/* ---- the plan: every row to write, referring to others by index --------- */

enum skill_id { SK_FIRST_AID, SK_TIC, SK_AV, SK_SPANISH, SK_KHMER, SK_ASL, NSKILLS };

static const char *const skill_names[NSKILLS] = {
    "First aid",          "Trauma-informed care", "AV operation", "Interpreter: Spanish",
    "Interpreter: Khmer", "Interpreter: ASL",
};

/* An interval a person is taken: a shift (work) or a session they speak at. */
struct busy {
	int64_t starts, ends;
	int32_t date; /* local date of a shift, for hours per day */
	bool work;
};

/* Every plan row starts with its database id, filled when written. */
struct p_org {
	int64_t id;
	const char *name, *sector, *contact, *email, *phone, *website, *notes;
};

struct p_skill {
	int64_t id;
	const char *name;
};

struct p_person {
	int64_t id;
	const char *name, *email, *notes;
	char phone[20];
	char code[PERSON_CODE_LEN + 1];
	int32_t org, birth;
	int32_t expires[NSKILLS]; /* 0 = never */
	uint8_t skills;           /* bit per enum skill_id */
	bool confidential;
	uint16_t navail, nbusy, capbusy;
	uint32_t avail0; /* first of navail windows in plan.avails */
	struct busy *busy;
};

struct p_pskill {
	int64_t id;
	int32_t person, skill, expires;
};

struct p_event {
	int64_t id;
	const char *name, *tz, *venue, *address, *description, *status;
	int64_t starts, ends, setup, teardown;
	int capacity;
	int32_t host;
};

struct p_room {
	int64_t id;
	int32_t event;
	const char *name, *kind;
	int capacity;
};

struct p_session {
	int64_t id;
	int32_t event, room;
	const char *title, *kind, *description, *status;
	int64_t starts, ends;
	int capacity;
};

struct p_speaker {
	int64_t id;
	int32_t session, person;
	const char *role;
};

struct p_booth {
	int64_t id;
	int32_t event, org, room;
	const char *label;
	int64_t starts, ends;
};

struct p_reg {
	int64_t id;
	int32_t event, person;
	const char *kind;
};

struct p_role {
	int64_t id;
	int32_t event, skill, lead;
	const char *name, *description;
	int min_age;
};

struct p_shift {
	int64_t id;
	int32_t event, role, room, booth, date;
	int64_t starts, ends;
	int need_min, need_max;
	const char *notes;
};

struct p_avail {
	int64_t id;
	int32_t person, event;
	int64_t starts, ends;
};

struct p_assign {
	int64_t id;
	int32_t shift, person;
	const char *status;
};

struct plan {
	struct rng rng;
	struct arena text;
	struct map emails, codes;
	struct vec orgs, skills, people, pskills, events, rooms, sessions, speakers, booths, regs,
	    roles, shifts, avails, assigns;
	struct vec history; /* int32_t: attendees of earlier events, for reuse */
	size_t history_next;
	int64_t rest, max_day; /* seconds, from [rules] */
	const char *area;      /* phone area code for new people */
	struct err err;        /* the first failure while planning */
	bool failed;
};

#define ORG(p, i)     AT((p)->orgs, struct p_org, i)
#define PERSON(p, i)  AT((p)->people, struct p_person, i)
#define EVENT(p, i)   AT((p)->events, struct p_event, i)
#define ROOM(p, i)    AT((p)->rooms, struct p_room, i)
#define SESSION(p, i) AT((p)->sessions, struct p_session, i)
#define BOOTH(p, i)   AT((p)->booths, struct p_booth, i)
#define ROLE(p, i)    AT((p)->roles, struct p_role, i)
#define SHIFT(p, i)   AT((p)->shifts, struct p_shift, i)
#define AVAIL(p, i)   AT((p)->avails, struct p_avail, i)

static const char *plan_fmt(struct plan *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static const char *plan_fmt(struct plan *p, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return arena_str(&p->text, buf);
}

/* The UTC instant of a local date and minute of the day in tz. */
static int64_t at_local(struct plan *p, const char *tz, int32_t ymd, int minute)
{
	int64_t t = 0;
	struct err e = {ERR_NONE, ""};
	if (tz_from_local(tz, ymd / 10000, ymd / 100 % 100, ymd % 100, minute / 60, minute % 60, 0,
	                  &t, &e) < 0 &&
	    !p->failed) {
		p->err = e;
		p->failed = true;
	}
	return t;
}

/* ---- names: given and family names per script, with an ASCII form for email */

struct name {
	const char *text, *ascii;
};

struct culture {
	const struct name *given;
	size_t ngiven;
	const struct name *family;
	size_t nfamily;
	bool family_first;
	const char *sep; /* between the two parts */
	unsigned weight;
};

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

static const struct culture cultures[] = {
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

/* ---- organizations --------------------------------------------------------- */

struct org_seed {
	const char *name, *sector, *slug, *notes;
};

/* 0-17 meet at the gathering (0 hosts, 1 co-hosts); 18 hosts the forum. */
enum {
	O_LAKESHORE,
	O_SOUTHSIDE,
	O_POLICE,
	O_VICTIM_SERVICES,
	O_LEGAL_CLINIC,
	O_NORTHSIDE_YOUTH,
	O_MERCY_HEALTH,
	O_COLLEGE,
	O_HOTELS,
	O_SAFE_HARBOR,
	O_OPEN_DOOR = 15,
	O_ATLANTIC = 18,
	O_SURVIVORS_FORWARD = 23,
	NSEED_ORGS = 40,
};

static const struct org_seed org_seeds[NSEED_ORGS] = {
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
static const char *const org_places[] = {
    "Riverside", "Harbor",    "Summit",    "Prairie", "Cascade",  "Bayou",         "Mesa",
    "Pinecrest", "Lakeview",  "Northgate", "Coastal", "Valley",   "Metro",         "Tri-County",
    "Heartland", "Evergreen", "Sunrise",   "Canyon",  "Ironwood", "Golden Plains",
};

static const struct {
	const char *kind, *sector;
} org_kinds[] = {
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

/* ---- sessions -------------------------------------------------------------- */

struct topic {
	const char *title, *kind, *about;
};

static const struct topic topics[] = {
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

static const char *const regions[] = {
    "Southeast Asia", "West Africa",  "Latin America",   "Eastern Europe",    "the Gulf states",
    "North America",  "South Asia",   "the Pacific",     "Central America",   "East Africa",
    "the Caribbean",  "Central Asia", "Southern Africa", "the Mediterranean",
};

static const char *const opening_titles[] = {
    "Opening plenary: where the movement stands",
    "Morning plenary: survivor leadership",
    "Morning plenary: business and supply chains",
    "Morning plenary: technology and prevention",
};
static const char *const closing_titles[] = {
    "Day one wrap-up",
    "Day two wrap-up",
    "Day three wrap-up",
    "Closing plenary: commitments for the year ahead",
};
static const char *const evening_titles[] = {
    "Evening: survivor artists and storytellers",
    "Evening: youth open mic",
    "Evening: film shorts from the field",
    "Evening: community celebration",
};

/* Who speaks at a session of each kind. */
static const struct {
	const char *kind;
	const char *roles[4];
} speaker_patterns[] = {
    {"general", {"host", "speaker", "speaker", NULL}},
    {"panel", {"moderator", "panelist", "panelist", "panelist"}},
    {"breakout", {"speaker", "speaker", NULL, NULL}},
    {"workshop", {"host", "speaker", NULL, NULL}},
    {"training", {"speaker", NULL, NULL, NULL}},
    {"screening", {"host", NULL, NULL, NULL}},
};

/* ---- adding rows to the plan ----------------------------------------------- */

static int32_t add_org(struct plan *p, const char *name, const char *sector, const char *slug,
                       const char *notes);

/* A name from a culture drawn by weight; the ASCII parts go to *email_local. */
static const char *make_name(struct plan *p, char *email_local, size_t n)
{
	unsigned total = 0;
	for (size_t i = 0; i < ARRAY_LEN(cultures); i++)
		total += cultures[i].weight;
	unsigned pick = rng_below(&p->rng, total);
	const struct culture *c = cultures;
	while (pick >= c->weight)
		pick -= c++->weight;
	const struct name *g = &c->given[rng_below(&p->rng, (unsigned)c->ngiven)];
	const struct name *f = &c->family[rng_below(&p->rng, (unsigned)c->nfamily)];
	snprintf(email_local, n, "%s.%s", g->ascii, f->ascii);
	if (c->family_first)
		return plan_fmt(p, "%s%s%s", f->text, c->sep, g->text);
	return plan_fmt(p, "%s%s%s", g->text, c->sep, f->text);
}

/* A fictional address, unique case-insensitively: first.last, then first.last2 ... */
static const char *make_email(struct plan *p, const char *local)
{
	uint32_t seen = map_bump(&p->emails, fnv1a(local));
	const char *domain = rng_below(&p->rng, 3) ? "example.org" : "example.net";
	if (seen == 1)
		return plan_fmt(p, "%s@%s", local, domain);
	return plan_fmt(p, "%s%u@%s", local, (unsigned)seen, domain);
}

/* A volunteer code no one else has, from the kiosk alphabet. */
static void make_code(struct plan *p, char *code)
{
	static const char alphabet[] = PERSON_CODE_ALPHABET;
	for (;;) {
		uint64_t key = 0;
		for (int i = 0; i < PERSON_CODE_LEN; i++) {
			unsigned k = rng_below(&p->rng, sizeof alphabet - 1);
			code[i] = alphabet[k];
			key = key * 32 + k;
		}
		code[PERSON_CODE_LEN] = '\0';
		if (map_bump(&p->codes, key) == 1)
			return;
	}
}

enum age_band { AGE_NONE, AGE_ADULT, AGE_VOLUNTEER };

/* What a new person is: their org (-1 none), how likely an email, an age. */
struct who {
	int32_t org;
	unsigned email_pct;
	enum age_band age;
	int32_t age_ref; /* the date ages refer to (YYYYMMDD) */
	bool confidential;
	const char *notes;
};

/* Volunteers include a few minors and under-21s, so minimum ages matter. */
static int32_t make_birth(struct plan *p, enum age_band band, int32_t ref)
{
	unsigned roll = rng_below(&p->rng, 100);
	int age = 22 + (int)rng_below(&p->rng, 48);
	if (band == AGE_VOLUNTEER && roll < 6)
		age = 15 + (int)rng_below(&p->rng, 3);
	else if (band == AGE_VOLUNTEER && roll < 16)
		age = 18 + (int)rng_below(&p->rng, 3);
	int64_t days = (int64_t)age * 146097 / 400 + 2 + rng_below(&p->rng, 360);
	return ymd_add(ref, -days);
}

static int32_t add_person(struct plan *p, const struct who *w)
{
	char local[128];
	const char *name = make_name(p, local, sizeof local);
	int32_t i = (int32_t)p->people.n;
	struct p_person *x = vec_push(&p->people, sizeof *x);
	x->name = name;
	x->org = w->org;
	x->confidential = w->confidential;
	x->notes = w->notes;
	if (rng_pct(&p->rng, w->email_pct))
		x->email = make_email(p, local);
	if (rng_pct(&p->rng, 75))
		snprintf(x->phone, sizeof x->phone, "+1-%s-555-01%02u", p->area,
		         rng_below(&p->rng, 100));
	if (w->age != AGE_NONE)
		x->birth = make_birth(p, w->age, w->age_ref);
	make_code(p, x->code);
	return i;
}

static void add_busy(struct plan *p, int32_t person, int64_t starts, int64_t ends, int32_t date,
                     bool work)
{
	struct p_person *x = PERSON(p, person);
	if (x->nbusy == x->capbusy) {
		x->capbusy = x->capbusy ? (uint16_t)(x->capbusy * 2) : 4;
		x->busy = xrealloc(x->busy, x->capbusy * sizeof *x->busy);
	}
	x->busy[x->nbusy++] = (struct busy){starts, ends, date, work};
}

static void add_person_skill(struct plan *p, int32_t person, int skill, int32_t expires)
{
	struct p_person *x = PERSON(p, person);
	x->skills |= (uint8_t)(1u << skill);
	x->expires[skill] = expires;
	struct p_pskill *ps = vec_push(&p->pskills, sizeof *ps);
	ps->person = person;
	ps->skill = skill;
	ps->expires = expires;
}

static void add_reg(struct plan *p, int32_t event, int32_t person, const char *kind)
{
	struct p_reg *r = vec_push(&p->regs, sizeof *r);
	r->event = event;
	r->person = person;
	r->kind = kind;
}

/* New people, each registered for event with kind; indices go to out (may be NULL). */
static void add_people(struct plan *p, int32_t event, const char *kind, int count,
                       const struct who *w, int32_t *out)
{
	for (int k = 0; k < count; k++) {
		int32_t i = add_person(p, w);
		add_reg(p, event, i, kind);
		if (out)
			out[k] = i;
	}
}

static int32_t add_room(struct plan *p, int32_t event, const char *name, int capacity,
                        const char *kind)
{
	struct p_room *r = vec_push(&p->rooms, sizeof *r);
	r->event = event;
	r->name = name;
	r->capacity = capacity;
	r->kind = kind;
	return (int32_t)(p->rooms.n - 1);
}

static int32_t add_session(struct plan *p, int32_t event, int32_t room, const struct topic *t,
                           int64_t starts, int64_t ends)
{
	struct p_session *s = vec_push(&p->sessions, sizeof *s);
	s->event = event;
	s->room = room;
	s->title = t->title;
	s->kind = t->kind;
	s->description = t->about;
	s->status = "confirmed";
	s->starts = starts;
	s->ends = ends;
	return (int32_t)(p->sessions.n - 1);
}

static void add_speaker(struct plan *p, int32_t session, int32_t person, const char *role)
{
	struct p_speaker *s = vec_push(&p->speakers, sizeof *s);
	s->session = session;
	s->person = person;
	s->role = role;
	add_busy(p, person, SESSION(p, session)->starts, SESSION(p, session)->ends, 0, false);
}

static int32_t add_booth(struct plan *p, int32_t event, int32_t org, int32_t room,
                         const char *label, int64_t starts, int64_t ends)
{
	struct p_booth *b = vec_push(&p->booths, sizeof *b);
	b->event = event;
	b->org = org;
	b->room = room;
	b->label = label;
	b->starts = starts;
	b->ends = ends;
	return (int32_t)(p->booths.n - 1);
}

static int32_t add_role(struct plan *p, int32_t event, const char *name, const char *about,
                        int skill, int min_age, int32_t lead)
{
	struct p_role *r = vec_push(&p->roles, sizeof *r);
	r->event = event;
	r->name = name;
	r->description = about;
	r->skill = skill;
	r->min_age = min_age;
	r->lead = lead;
	return (int32_t)(p->roles.n - 1);
}

/* Where and when a shift is; the planner staffs it later. */
struct shift_at {
	int32_t room, booth, date;
	int64_t starts, ends;
	const char *notes;
};

static void add_shift(struct plan *p, int32_t event, int32_t role, const struct shift_at *at,
                      int need_min, int need_max)
{
	struct p_shift *s = vec_push(&p->shifts, sizeof *s);
	s->event = event;
	s->role = role;
	s->room = at->room;
	s->booth = at->booth;
	s->date = at->date;
	s->starts = at->starts;
	s->ends = at->ends;
	s->need_min = need_min;
	s->need_max = need_max;
	s->notes = at->notes;
}

/* Windows of one person must be added one after another. */
static void add_avail(struct plan *p, int32_t person, int32_t event, int64_t starts, int64_t ends)
{
	struct p_person *x = PERSON(p, person);
	if (!x->navail)
		x->avail0 = (uint32_t)p->avails.n;
	x->navail++;
	struct p_avail *a = vec_push(&p->avails, sizeof *a);
	a->person = person;
	a->event = event;
	a->starts = starts;
	a->ends = ends;
}

static int32_t add_org(struct plan *p, const char *name, const char *sector, const char *slug,
                       const char *notes)
{
	char local[128];
	struct p_org *o = vec_push(&p->orgs, sizeof *o);
	o->name = name;
	o->sector = sector;
	o->contact = make_name(p, local, sizeof local);
	o->email = plan_fmt(p, "info@%s.example.org", slug);
	o->phone = plan_fmt(p, "+1-%s-555-01%02u", p->area, rng_below(&p->rng, 100));
	o->website = plan_fmt(p, "https://%s.example.org", slug);
	o->notes = notes;
	return (int32_t)(p->orgs.n - 1);
}

static void add_seed_orgs(struct plan *p)
{
	for (size_t i = 0; i < ARRAY_LEN(org_seeds); i++)
		add_org(p, org_seeds[i].name, org_seeds[i].sector, org_seeds[i].slug,
		        org_seeds[i].notes);
}

/* Large set: every place x kind, after the seeds. */
static void add_generated_orgs(struct plan *p)
{
	for (size_t k = 0; k < ARRAY_LEN(org_kinds); k++) {
		for (size_t i = 0; i < ARRAY_LEN(org_places); i++) {
			const char *name = plan_fmt(p, "%s %s", org_places[i], org_kinds[k].kind);
			char slug[64];
			size_t n = 0;
			for (const char *s = name; *s && n + 1 < sizeof slug; s++)
				if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))
					slug[n++] = (char)(*s | 0x20);
			slug[n] = '\0';
			add_org(p, name, org_kinds[k].sector, slug, NULL);
		}
	}
}

/* Skills held by a share of volunteers; some certificates expire. */
struct skill_rate {
	int skill;
	unsigned pct;          /* of the volunteers */
	unsigned expiring_pct; /* of the holders, with an expiry date */
};

/* Give each skill to an exact share of vols: a slice of one shuffled order,
 * each skill starting elsewhere, so some people hold several. */
static void give_skills(struct plan *p, const int32_t *vols, size_t n,
                        const struct skill_rate *rates, size_t nrates, int32_t ref)
{
	if (n == 0)
		return;
	int32_t *order = xmalloc(n * sizeof *order);
	memcpy(order, vols, n * sizeof *order);
	for (size_t i = n - 1; i > 0; i--) {
		size_t j = rng_below(&p->rng, (unsigned)i + 1);
		int32_t t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	for (size_t r = 0; r < nrates; r++) {
		size_t count = (n * rates[r].pct + 99) / 100,
		       start = rng_below(&p->rng, (unsigned)n);
		for (size_t k = 0; k < count && k < n; k++) {
			int32_t expires = 0;
			if (rng_pct(&p->rng, rates[r].expiring_pct))
				expires = ymd_add(ref, -200 + (int64_t)rng_below(&p->rng, 1100));
			add_person_skill(p, order[(start + k) % n], rates[r].skill, expires);
		}
	}
	free(order);
}

/* ---- the staffing planner: SPEC section 3 by construction ------------------- */

/* Inside one of the person's windows for the shift's event, or no windows. */
static bool inside_windows(const struct plan *p, const struct p_person *x, const struct p_shift *s)
{
	bool any = false;
	for (uint32_t k = 0; k < x->navail; k++) {
		const struct p_avail *a = AVAIL(p, x->avail0 + k);
		if (a->event != s->event)
			continue;
		any = true;
		if (a->starts <= s->starts && s->ends <= a->ends)
			return true;
	}
	return !any;
}

/* Could person take shift s? Skill held and unexpired on the day, minimum
 * age met, inside availability, not speaking then, no overlap, rest kept
 * before and after every other shift, and the day's hours under the cap.
 * Boundaries are kept with a margin (a gap of exactly the minimum rest, a
 * skill expiring on the shift's day), so the data holds however a checker
 * reads them. */
static bool can_work(const struct plan *p, int32_t person, const struct p_shift *s)
{
	const struct p_person *x = PERSON(p, person);
	const struct p_role *r = ROLE(p, s->role);
	if (r->skill >= 0 && (!(x->skills & (1u << r->skill)) ||
	                      (x->expires[r->skill] && x->expires[r->skill] <= s->date)))
		return false;
	if (r->min_age > 0 && (!x->birth || age_on(x->birth, s->date) < r->min_age))
		return false;
	if (!inside_windows(p, x, s))
		return false;
	int64_t day = s->ends - s->starts;
	for (uint16_t k = 0; k < x->nbusy; k++) {
		const struct busy *b = &x->busy[k];
		int64_t gap = b->work ? p->rest : 0;
		if (b->starts <= s->ends + gap && s->starts <= b->ends + gap)
			return false;
		if (b->work && b->date == s->date)
			day += b->ends - b->starts;
	}
	return day <= p->max_day;
}

/* How many to staff: mostly between need_min and need_max, some visibly short. */
static int shift_target(struct plan *p, const struct p_shift *s)
{
	unsigned roll = rng_below(&p->rng, 100);
	if (roll < 20)
		return s->need_min > 1 ? s->need_min - 1 : 0;
	if (roll < 30)
		return s->need_max;
	return s->need_min + (int)rng_below(&p->rng, (unsigned)(s->need_max - s->need_min + 1));
}

/* The volunteers who could ever take a role, walked round-robin. */
struct pool {
	int32_t *who;
	size_t n, next;
};

static void fill_shift(struct plan *p, int32_t shift, struct pool *pool)
{
	const struct p_shift *s = SHIFT(p, shift);
	int want = shift_target(p, s), have = 0;
	size_t tries = pool->n < 400 ? pool->n : 400;
	while (have < want && tries-- > 0) {
		int32_t who = pool->who[pool->next];
		pool->next = (pool->next + 1) % pool->n;
		if (!can_work(p, who, s))
			continue;
		struct p_assign *a = vec_push(&p->assigns, sizeof *a);
		a->shift = shift;
		a->person = who;
		a->status = rng_pct(&p->rng, 65) ? "confirmed" : "signed_up";
		add_busy(p, who, s->starts, s->ends, s->date, true);
		have++;
	}
}

/* Skilled roles first, then roles with a minimum age, then the rest; by time. */
struct shift_order {
	int rank;
	int64_t starts;
	int32_t shift;
};

static int shift_order_cmp(const void *a, const void *b)
{
	const struct shift_order *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->starts != y->starts)
		return x->starts < y->starts ? -1 : 1;
	return x->shift < y->shift ? -1 : x->shift > y->shift;
}

/* Staff the shifts from first_shift on (roles from first_role on) with vols. */
static void staff_event(struct plan *p, const int32_t *vols, size_t nvol, size_t first_role,
                        size_t first_shift)
{
	size_t nroles = p->roles.n - first_role, nshifts = p->shifts.n - first_shift;
	struct pool *pools = xcalloc(nroles ? nroles : 1, sizeof *pools);
	for (size_t r = 0; r < nroles; r++) {
		int skill = ROLE(p, first_role + r)->skill;
		pools[r].who = xmalloc((nvol ? nvol : 1) * sizeof *pools[r].who);
		for (size_t k = 0; k < nvol; k++)
			if (skill < 0 || (PERSON(p, vols[k])->skills & (1u << skill)))
				pools[r].who[pools[r].n++] = vols[k];
	}
	struct shift_order *order = xmalloc((nshifts ? nshifts : 1) * sizeof *order);
	for (size_t i = 0; i < nshifts; i++) {
		const struct p_shift *s = SHIFT(p, first_shift + i);
		const struct p_role *r = ROLE(p, s->role);
		order[i].rank = r->skill >= 0 ? 0 : r->min_age > 0 ? 1 : 2;
		order[i].starts = s->starts;
		order[i].shift = (int32_t)(first_shift + i);
	}
	qsort(order, nshifts, sizeof *order, shift_order_cmp);
	for (size_t i = 0; i < nshifts; i++) {
		int32_t s = order[i].shift;
		fill_shift(p, s, &pools[(size_t)SHIFT(p, s)->role - first_role]);
	}
	for (size_t r = 0; r < nroles; r++)
		free(pools[r].who);
	free(pools);
	free(order);
}

static bool is_busy(const struct plan *p, int32_t person, int64_t starts, int64_t ends)
{
	const struct p_person *x = PERSON(p, person);
	for (uint16_t k = 0; k < x->nbusy; k++)
		if (x->busy[k].starts < ends && starts < x->busy[k].ends)
			return true;
	return false;
}

/* ---- events ------------------------------------------------------------------ */

struct event_seed {
	const char *name, *tz, *venue, *address, *description;
	int32_t first_day; /* YYYYMMDD */
	int days;
	int day_start, day_end, setup_start, teardown_end; /* minutes of the local day */
	int capacity;
	int32_t host;
};

static int32_t add_event(struct plan *p, const struct event_seed *s)
{
	int32_t last = ymd_add(s->first_day, s->days - 1);
	struct p_event *ev = vec_push(&p->events, sizeof *ev);
	ev->name = s->name;
	ev->tz = s->tz;
	ev->venue = s->venue;
	ev->address = s->address;
	ev->description = s->description;
	ev->status = "published";
	ev->capacity = s->capacity;
	ev->host = s->host;
	int32_t i = (int32_t)(p->events.n - 1);
	int64_t starts = at_local(p, s->tz, s->first_day, s->day_start);
	int64_t ends = at_local(p, s->tz, last, s->day_end);
	int64_t setup = at_local(p, s->tz, s->first_day, s->setup_start);
	int64_t teardown = at_local(p, s->tz, last, s->teardown_end);
	ev = EVENT(p, i);
	ev->starts = starts;
	ev->ends = ends;
	ev->setup = setup;
	ev->teardown = teardown;
	return i;
}

struct role_seed {
	const char *name, *about;
	int skill, min_age;
};

/* ---- the one-day community gathering (small set) ------------------------------ */

#define G_DATE 20261205

static const struct event_seed gathering_event = {
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

static const struct {
	const char *name;
	int capacity;
	const char *kind;
} gathering_rooms[] = {
    {"Main Hall", 150, "hall"},
    {"Resource Fair", 120, "booth_area"},
    {"Screening Room", 60, "room"},
};
enum { G_MAIN, G_FAIR, G_SCREEN };

static const struct {
	int room, start, end;
	const char *title, *kind, *about;
} gathering_sessions[] = {
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

static const struct {
	int32_t org;
	bool confidential;
	const char *notes;
} gathering_speakers[] = {
    {O_LAKESHORE, false, "Executive director; welcome and panel moderator."},
    {O_SOUTHSIDE, false, "Pastor; co-host."},
    {O_COLLEGE, false, "Film studies professor; introduces the screenings."},
    {O_POLICE, false, "Detective, human trafficking unit."},
    {O_OPEN_DOOR, true, "Survivor leader: first name only on screens and badges; no photos."},
    {O_MERCY_HEALTH, false, "Nurse practitioner."},
    {O_LEGAL_CLINIC, false, "Staff attorney."},
};

/* who >= 0: gathering_speakers[who]; GV(i): gathering volunteer i. */
#define GV(i)         (-1 - (i))
#define YOUTH_SPEAKER 4

static const struct {
	int session, who;
	const char *role;
} gathering_talks[] = {
    {0, 0, "host"},      {0, 1, "host"},     {2, 2, "host"},
    {4, 0, "moderator"}, {4, 3, "panelist"}, {4, 4, "panelist"},
    {4, 5, "panelist"},  {4, 6, "panelist"}, {4, GV(YOUTH_SPEAKER), "panelist"},
    {5, 2, "host"},      {6, 1, "speaker"},
};

static const struct role_seed gathering_roles[] = {
    {"Registration desk", "Welcome people, check them in, hand out name tags and programs.", -1, 0},
    {"Greeter", "Meet people at the doors and point the way to the hall, fair and screening.", -1,
     0},
    {"Booth support", "Help partners set up, cover booths during breaks, pack up.", -1, 0},
    {"AV", "Microphones, slides and the film in the main hall and the screening room.", SK_AV, 0},
};

static const struct {
	int role, room, booth, start, end, need_min, need_max;
	const char *notes;
} gathering_shifts[] = {
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

static const struct skill_rate gathering_rates[] = {
    {SK_AV, 20, 0},   {SK_FIRST_AID, 20, 100}, {SK_SPANISH, 13, 0},
    {SK_TIC, 13, 30}, {SK_KHMER, 7, 0},        {SK_ASL, 7, 0},
};

#define G_VOLUNTEERS 15
#define G_STAFF      3
#define G_BOOTHS     16

/* Availability windows of two gathering volunteers: {volunteer, from, to}. */
static const int gathering_windows[][3] = {{7, HM(8, 0), HM(13, 30)}, {11, HM(12, 0), HM(17, 0)}};

static void gathering_people(struct plan *p, int32_t ev, int32_t *staff, int32_t *vols)
{
	static const int32_t staff_orgs[G_STAFF] = {O_LAKESHORE, O_LAKESHORE, O_SOUTHSIDE};
	for (int k = 0; k < G_STAFF; k++) {
		struct who w = {staff_orgs[k], 100, AGE_NONE, 0, false, "Coalition staff"};
		add_people(p, ev, "staff", 1, &w, &staff[k]);
	}
	struct who vw = {-1, 90, AGE_VOLUNTEER, G_DATE, false, NULL};
	add_people(p, ev, "volunteer", G_VOLUNTEERS, &vw, vols);
	PERSON(p, vols[YOUTH_SPEAKER])->org = O_NORTHSIDE_YOUTH;
	PERSON(p, vols[YOUTH_SPEAKER])->birth = 20030611;
	give_skills(p, vols, G_VOLUNTEERS, gathering_rates, ARRAY_LEN(gathering_rates), G_DATE);
	for (size_t k = 0; k < ARRAY_LEN(gathering_windows); k++)
		add_avail(p, vols[gathering_windows[k][0]], ev,
		          at_local(p, gathering_event.tz, G_DATE, gathering_windows[k][1]),
		          at_local(p, gathering_event.tz, G_DATE, gathering_windows[k][2]));
}

static void gathering_program(struct plan *p, int32_t ev, int32_t room0, const int32_t *vols)
{
	int32_t first = (int32_t)p->sessions.n, speakers[ARRAY_LEN(gathering_speakers)];
	for (size_t k = 0; k < ARRAY_LEN(gathering_sessions); k++) {
		struct topic t = {gathering_sessions[k].title, gathering_sessions[k].kind,
		                  gathering_sessions[k].about};
		add_session(p, ev, room0 + gathering_sessions[k].room, &t,
		            at_local(p, gathering_event.tz, G_DATE, gathering_sessions[k].start),
		            at_local(p, gathering_event.tz, G_DATE, gathering_sessions[k].end));
	}
	SESSION(p, first + 2)->capacity = 60;
	for (size_t k = 0; k < ARRAY_LEN(gathering_speakers); k++) {
		struct who w = {gathering_speakers[k].org,
		                100,
		                AGE_NONE,
		                0,
		                gathering_speakers[k].confidential,
		                gathering_speakers[k].notes};
		add_people(p, ev, "speaker", 1, &w, &speakers[k]);
	}
	for (size_t k = 0; k < ARRAY_LEN(gathering_talks); k++) {
		int who = gathering_talks[k].who;
		add_speaker(p, first + gathering_talks[k].session,
		            who >= 0 ? speakers[who] : vols[-1 - who], gathering_talks[k].role);
	}
}

static void gathering_fair(struct plan *p, int32_t ev, int32_t fair, int32_t *booths)
{
	int64_t opens = at_local(p, gathering_event.tz, G_DATE, HM(9, 30));
	int64_t closes = at_local(p, gathering_event.tz, G_DATE, HM(16, 0));
	for (int k = 0; k < G_BOOTHS; k++) {
		int32_t org = O_POLICE + k;
		booths[k] = add_booth(p, ev, org, fair, plan_fmt(p, "B%02d", k + 1), opens, closes);
		if (k < 6) {
			struct who w = {org, 100, AGE_NONE, 0, false, "Booth contact"};
			add_people(p, ev, "partner", 1, &w, NULL);
		}
	}
}

/* Attendees (some with an org, some without email) and the press. */
static void gathering_audience(struct plan *p, int32_t ev)
{
	struct who press = {-1, 100, AGE_NONE, 0, false, "Press: local radio and newspaper"};
	add_people(p, ev, "press", 2, &press, NULL);
	for (int k = 0; k < 84; k++) {
		struct who w = {rng_pct(&p->rng, 15) ? (int32_t)rng_below(&p->rng, 18) : -1,
		                85,
		                AGE_NONE,
		                0,
		                false,
		                NULL};
		int32_t i = add_person(p, &w);
		add_reg(p, ev, i, "attendee");
		*(int32_t *)vec_push(&p->history, sizeof(int32_t)) = i;
	}
}

static void gathering_staffing(struct plan *p, int32_t ev, int32_t room0, const int32_t *staff,
                               const int32_t *vols, const int32_t *booths)
{
	size_t first_role = p->roles.n, first_shift = p->shifts.n;
	int32_t av_lead = vols[0];
	for (int k = G_VOLUNTEERS - 1; k >= 0; k--)
		if (PERSON(p, vols[k])->skills & (1u << SK_AV))
			av_lead = vols[k];
	for (size_t k = 0; k < ARRAY_LEN(gathering_roles); k++)
		add_role(p, ev, gathering_roles[k].name, gathering_roles[k].about,
		         gathering_roles[k].skill, gathering_roles[k].min_age,
		         k < G_STAFF ? staff[k] : av_lead);
	for (size_t k = 0; k < ARRAY_LEN(gathering_shifts); k++) {
		struct shift_at at = {
		    gathering_shifts[k].room >= 0 ? room0 + gathering_shifts[k].room : -1,
		    gathering_shifts[k].booth >= 0 ? booths[gathering_shifts[k].booth] : -1,
		    G_DATE,
		    at_local(p, gathering_event.tz, G_DATE, gathering_shifts[k].start),
		    at_local(p, gathering_event.tz, G_DATE, gathering_shifts[k].end),
		    gathering_shifts[k].notes,
		};
		add_shift(p, ev, (int32_t)first_role + gathering_shifts[k].role, &at,
		          gathering_shifts[k].need_min, gathering_shifts[k].need_max);
	}
	staff_event(p, vols, G_VOLUNTEERS, first_role, first_shift);
}

static void build_gathering(struct plan *p)
{
	int32_t staff[G_STAFF], vols[G_VOLUNTEERS], booths[G_BOOTHS];
	p->area = "312";
	int32_t ev = add_event(p, &gathering_event);
	int32_t room0 = (int32_t)p->rooms.n;
	for (size_t k = 0; k < ARRAY_LEN(gathering_rooms); k++)
		add_room(p, ev, gathering_rooms[k].name, gathering_rooms[k].capacity,
		         gathering_rooms[k].kind);
	gathering_people(p, ev, staff, vols);
	gathering_program(p, ev, room0, vols);
	gathering_fair(p, ev, room0 + G_FAIR, booths);
	gathering_audience(p, ev);
	gathering_staffing(p, ev, room0, staff, vols, booths);
}

/* ---- conferences: the two-day forum (small) and the scale set (large) ------- */

enum conf_role {
	R_REG,
	R_USHER,
	R_MONITOR,
	R_INFO,
	R_AV,
	R_FIRST_AID,
	R_SPANISH,
	R_SURVIVOR,
	R_KHMER,
	R_ASL,
	R_STEWARD,
	R_TRANSPORT,
	R_CATERING,
	R_BOOTH,
	R_ACCESS,
	NCONF_ROLES
};

static const struct role_seed conf_roles[NCONF_ROLES] = {
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

enum place { AT_NONE, AT_PLENARY, AT_BREAKOUTS, AT_EXHIBITS, AT_BOOTHS };

#define B_ALL      0xffu      /* every block of the day */
#define B_SETUP    (1u << 30) /* the setup window before the first block, day one */
#define B_TEARDOWN (1u << 31) /* the teardown window after the last day */

/* A volunteer post: one role at one kind of place, staffed in blocks. */
struct post {
	enum conf_role role;
	enum place at;
	int count;         /* AT_NONE: how many such posts */
	const char *where; /* notes; numbered when count > 1 */
	int need_min, need_max;
	unsigned blocks;
};

struct conf_spec {
	struct event_seed ev;
	const char *area;
	const char *plenary;
	int plenary_cap;
	const char *const *breakouts; /* names, or NULL for "Room 101" ... */
	int nbreakouts;
	int nexhibits;
	const char *booth_prefix;   /* one letter per exhibit hall */
	int booths_all, booths_day; /* per hall: for the whole event; per day */
	const char *stage;          /* outdoor evening stage, or NULL */
	int skip_every;             /* last breakout room empty every Nth slot (0: never) */
	bool regional_titles;
	int block_start, block_len, nblocks; /* volunteer blocks, minutes */
	const struct post *posts;
	size_t nposts;
	const struct skill_rate *rates;
	size_t nrates;
	const int16_t *orgs; /* partner orgs in booth order, or NULL: org_first.. */
	int norgs, org_first;
	int volunteers, vol_speakers, staff, speakers, survivors, partners_per_booth, press,
	    attendees, reuse, undercover, avail_pct;
};

/* A conference being built: what later steps refer to. */
struct conf {
	const struct conf_spec *s;
	int32_t event, plenary, first_breakout, first_exhibit, stage, first_booth;
	size_t nbooths, first_reg, org_next;
	int32_t *vols, *staff, *spk;
	size_t nspk, spk_next;
	int32_t role_of[NCONF_ROLES];
};

/* Breakout slots and plenary times of every conference day (minutes). */
static const int slot_times[][2] = {
    {HM(9, 45), HM(11, 0)},
    {HM(11, 15), HM(12, 30)},
    {HM(13, 45), HM(15, 0)},
    {HM(15, 15), HM(16, 30)},
};
#define OPENING_AT HM(8, 30)
#define OPENING_TO HM(9, 30)
#define LUNCH_AT   HM(12, 30)
#define LUNCH_TO   HM(13, 45)
#define CLOSING_AT HM(16, 45)
#define CLOSING_TO HM(17, 30)
#define EVENING_AT HM(18, 30)
#define EVENING_TO HM(20, 0)

static int32_t conf_date(const struct conf *c, int day)
{
	return ymd_add(c->s->ev.first_day, day);
}

static int64_t conf_at(struct plan *p, const struct conf *c, int day, int minute)
{
	return at_local(p, c->s->ev.tz, conf_date(c, day), minute);
}

static int32_t conf_org(struct conf *c)
{
	const struct conf_spec *s = c->s;
	size_t k = c->org_next++ % (size_t)s->norgs;
	return s->orgs ? s->orgs[k] : s->org_first + (int32_t)k;
}

/* The first org of a sector among the partners (or the host). */
static int32_t conf_org_of(const struct plan *p, const struct conf *c, const char *sector)
{
	for (int k = 0; k < c->s->norgs; k++) {
		int32_t o = c->s->orgs ? c->s->orgs[k] : c->s->org_first + k;
		if (strcmp(ORG(p, o)->sector, sector) == 0)
			return o;
	}
	return c->s->ev.host;
}

static void conf_rooms(struct plan *p, struct conf *c)
{
	const struct conf_spec *s = c->s;
	c->plenary = add_room(p, c->event, s->plenary, s->plenary_cap, "hall");
	c->first_breakout = (int32_t)p->rooms.n;
	for (int k = 0; k < s->nbreakouts; k++) {
		const char *name = s->breakouts
		                       ? s->breakouts[k]
		                       : plan_fmt(p, "Room %d", 100 * (1 + k / 10) + 1 + k % 10);
		add_room(p, c->event, name, 100 + 25 * (k % 5), "room");
	}
	c->first_exhibit = (int32_t)p->rooms.n;
	for (int k = 0; k < s->nexhibits; k++)
		add_room(p, c->event,
		         s->nexhibits > 1 ? plan_fmt(p, "Exhibit Hall %c", s->booth_prefix[k])
		                          : "Exhibit Hall",
		         600, "booth_area");
	c->stage = s->stage ? add_room(p, c->event, s->stage, 2000, "outdoor") : -1;
}

/* A window of block first .. block last on day d. */
static void conf_window(struct plan *p, const struct conf *c, int32_t person, int d, int first,
                        int last)
{
	const struct conf_spec *s = c->s;
	add_avail(p, person, c->event, conf_at(p, c, d, s->block_start + first * s->block_len),
	          conf_at(p, c, d, s->block_start + (last + 1) * s->block_len));
}

static void conf_volunteers(struct plan *p, struct conf *c)
{
	const struct conf_spec *s = c->s;
	struct who staff = {s->ev.host, 100, AGE_NONE, 0, false, "Event staff"};
	struct who vol = {-1, 92, AGE_VOLUNTEER, s->ev.first_day, false, NULL};
	c->staff = xmalloc((size_t)s->staff * sizeof *c->staff);
	c->vols = xmalloc((size_t)s->volunteers * sizeof *c->vols);
	add_people(p, c->event, "staff", s->staff, &staff, c->staff);
	add_people(p, c->event, "volunteer", s->volunteers, &vol, c->vols);
	for (int k = 0; k < s->volunteers; k++)
		if (rng_pct(&p->rng, 12))
			PERSON(p, c->vols[k])->org = conf_org(c);
	give_skills(p, c->vols, (size_t)s->volunteers, s->rates, s->nrates, s->ev.first_day);
	int half = s->nblocks / 2;
	for (int k = 0; k < s->volunteers; k++) {
		if (!rng_pct(&p->rng, (unsigned)s->avail_pct))
			continue;
		int d = (int)rng_below(&p->rng, (unsigned)s->ev.days);
		switch (rng_below(&p->rng, 3)) {
		case 0:
			conf_window(p, c, c->vols[k], d, 0, s->nblocks - 1);
			break;
		case 1:
			conf_window(p, c, c->vols[k], d, 0, half - 1);
			break;
		default:
			conf_window(p, c, c->vols[k], d, half, s->nblocks - 1);
			break;
		}
	}
}

/* Speakers: new people (survivors among them, confidential) and a few
 * volunteers, in one round-robin pool. */
static void conf_speaker_pool(struct plan *p, struct conf *c)
{
	const struct conf_spec *s = c->s;
	c->spk = xmalloc((size_t)(s->speakers + s->vol_speakers) * sizeof *c->spk);
	int32_t survivors_org = conf_org_of(p, c, "ngo");
	int spacing = s->speakers / (s->survivors + 1) > 0 ? s->speakers / (s->survivors + 1) : 1;
	for (int k = 0; k < s->speakers; k++) {
		bool survivor = (k + 1) % spacing == 0 && (k + 1) / spacing <= s->survivors;
		struct who w = {
		    rng_pct(&p->rng, 80) ? conf_org(c) : -1, 95, AGE_NONE, 0, false, NULL};
		if (survivor)
			w = (struct who){.org = survivors_org,
			                 .email_pct = 100,
			                 .confidential = true,
			                 .notes =
			                     "Survivor speaker: first name only on screens and "
			                     "badges; no photos."};
		add_people(p, c->event, "speaker", 1, &w, &c->spk[c->nspk++]);
	}
	/* Volunteers who also speak: their sessions keep them off shifts. */
	int step = s->volunteers / (s->vol_speakers + 1);
	for (int k = 1; k <= s->vol_speakers; k++) {
		size_t at = (size_t)k * c->nspk / (size_t)(k + 1);
		memmove(&c->spk[at + 1], &c->spk[at], (c->nspk - at) * sizeof *c->spk);
		c->spk[at] = c->vols[k * step];
		c->nspk++;
	}
}

static int32_t next_speaker(struct plan *p, struct conf *c, int32_t session)
{
	const struct p_session *s = SESSION(p, session);
	for (size_t tries = 0; tries < c->nspk; tries++) {
		int32_t who = c->spk[c->spk_next];
		c->spk_next = (c->spk_next + 1) % c->nspk;
		if (!is_busy(p, who, s->starts, s->ends))
			return who;
	}
	return -1;
}

static void conf_talks(struct plan *p, struct conf *c, int32_t session)
{
	const char *kind = SESSION(p, session)->kind;
	for (size_t k = 0; k < ARRAY_LEN(speaker_patterns); k++) {
		if (strcmp(speaker_patterns[k].kind, kind) != 0)
			continue;
		for (int r = 0; r < 4 && speaker_patterns[k].roles[r]; r++) {
			int32_t who = next_speaker(p, c, session);
			if (who >= 0)
				add_speaker(p, session, who, speaker_patterns[k].roles[r]);
		}
	}
}

static int32_t conf_session(struct plan *p, struct conf *c, int32_t room, const struct topic *t,
                            int day, int from, int to)
{
	int32_t s =
	    add_session(p, c->event, room, t, conf_at(p, c, day, from), conf_at(p, c, day, to));
	conf_talks(p, c, s);
	return s;
}

static void conf_plenaries(struct plan *p, struct conf *c, int d)
{
	const struct conf_spec *s = c->s;
	int last = s->ev.days - 1;
	struct topic opening = {opening_titles[d < 3 ? d : 3], "general",
	                        "Keynotes and the day's program."};
	struct topic lunch = {"Lunch and networking", "break", "Lunch in the hall."};
	struct topic closing = {closing_titles[d == last ? 3
	                                       : d < 2   ? d
	                                                 : 2],
	                        "general", "Highlights of the day and what comes next."};
	conf_session(p, c, c->plenary, &opening, d, OPENING_AT, OPENING_TO);
	conf_session(p, c, c->plenary, &lunch, d, LUNCH_AT, LUNCH_TO);
	conf_session(p, c, c->plenary, &closing, d, CLOSING_AT, CLOSING_TO);
	if (c->stage >= 0) {
		struct topic evening = {evening_titles[d % 4], "general",
		                        "Open to everyone; outdoors, weather permitting."};
		conf_session(p, c, c->stage, &evening, d, EVENING_AT, EVENING_TO);
	}
}

static void conf_breakouts(struct plan *p, struct conf *c, int d, size_t *count)
{
	const struct conf_spec *s = c->s;
	for (int slot = 0; slot < (int)ARRAY_LEN(slot_times); slot++) {
		for (int r = 0; r < s->nbreakouts; r++) {
			if (s->skip_every && r == s->nbreakouts - 1 &&
			    (d * (int)ARRAY_LEN(slot_times) + slot) % s->skip_every == 0)
				continue;
			size_t k = (*count)++;
			struct topic t = topics[k % ARRAY_LEN(topics)];
			if (s->regional_titles)
				t.title =
				    plan_fmt(p, "%s (%s)", t.title,
				             regions[k / ARRAY_LEN(topics) % ARRAY_LEN(regions)]);
			int32_t sess = conf_session(p, c, c->first_breakout + r, &t, d,
			                            slot_times[slot][0], slot_times[slot][1]);
			if (k % 17 == 16)
				SESSION(p, sess)->status = "tentative";
		}
	}
}

static void conf_program(struct plan *p, struct conf *c)
{
	size_t count = 0;
	for (int d = 0; d < c->s->ev.days; d++) {
		conf_plenaries(p, c, d);
		conf_breakouts(p, c, d, &count);
	}
}

static void conf_partner(struct plan *p, struct conf *c, int32_t org)
{
	struct who w = {org, 100, AGE_NONE, 0, false, "Booth contact"};
	add_people(p, c->event, "partner", c->s->partners_per_booth, &w, NULL);
}

/* Booths for the whole event, and labels held by a different org each day. */
static void conf_booths(struct plan *p, struct conf *c)
{
	const struct conf_spec *s = c->s;
	const struct p_event *ev = EVENT(p, c->event);
	int64_t starts = ev->starts, ends = ev->ends;
	c->first_booth = (int32_t)p->booths.n;
	for (int h = 0; h < s->nexhibits; h++) {
		int32_t hall = c->first_exhibit + h;
		for (int k = 0; k < s->booths_all; k++) {
			int32_t org = conf_org(c);
			add_booth(p, c->event, org, hall,
			          plan_fmt(p, "%c%02d", s->booth_prefix[h], k + 1), starts, ends);
			conf_partner(p, c, org);
		}
		for (int k = 0; k < s->booths_day; k++) {
			const char *label =
			    plan_fmt(p, "%c%02d", s->booth_prefix[h], s->booths_all + k + 1);
			for (int d = 0; d < s->ev.days; d++) {
				int32_t org = conf_org(c);
				add_booth(p, c->event, org, hall, label,
				          conf_at(p, c, d, s->ev.day_start),
				          conf_at(p, c, d, s->ev.day_end));
				conf_partner(p, c, org);
			}
		}
	}
	c->nbooths = p->booths.n - (size_t)c->first_booth;
}

/* Press, attendees (some from earlier events), an undercover officer; all
 * under the event's capacity, so nobody is waitlisted. */
static void conf_audience(struct plan *p, struct conf *c)
{
	const struct conf_spec *s = c->s;
	struct who press = {-1, 100, AGE_NONE, 0, false, "Press"};
	add_people(p, c->event, "press", s->press, &press, NULL);
	struct who cop = {.org = conf_org_of(p, c, "law_enforcement"),
	                  .confidential = true,
	                  .notes = "Undercover officer: never list, photograph or name publicly."};
	add_people(p, c->event, "attendee", s->undercover, &cop, NULL);
	size_t used = p->regs.n - c->first_reg, old = p->history.n;
	size_t room = (size_t)s->ev.capacity > used ? (size_t)s->ev.capacity - used : 0;
	size_t want = (size_t)s->attendees < room ? (size_t)s->attendees : room;
	for (size_t k = 0; k < want; k++) {
		int32_t who;
		if (k < (size_t)s->reuse && p->history_next < old) {
			who = *AT(p->history, int32_t, p->history_next++);
		} else {
			struct who w = {
			    rng_pct(&p->rng, 15) ? conf_org(c) : -1, 85, AGE_NONE, 0, false, NULL};
			who = add_person(p, &w);
			*(int32_t *)vec_push(&p->history, sizeof(int32_t)) = who;
		}
		add_reg(p, c->event, who, "attendee");
	}
}

static void conf_role(struct plan *p, struct conf *c, enum conf_role r)
{
	if (c->role_of[r] >= 0)
		return;
	int32_t lead = c->staff[(size_t)(p->roles.n) % (size_t)c->s->staff];
	c->role_of[r] = add_role(p, c->event, conf_roles[r].name, conf_roles[r].about,
	                         conf_roles[r].skill, conf_roles[r].min_age, lead);
}

/* Is [starts, ends) inside booth b's hours on a day open .. close? */
static bool booth_open(const struct plan *p, int32_t b, int64_t starts, int64_t ends, int64_t open,
                       int64_t close)
{
	const struct p_booth *x = BOOTH(p, b);
	return starts >= x->starts && starts >= open && ends <= x->ends && ends <= close;
}

/* The shifts of one post at one place, over every day. */
static void post_shifts(struct plan *p, struct conf *c, const struct post *post, struct shift_at at)
{
	const struct conf_spec *s = c->s;
	int32_t role = c->role_of[post->role];
	for (int d = 0; d < s->ev.days; d++) {
		at.date = conf_date(c, d);
		int64_t open = conf_at(p, c, d, s->ev.day_start),
		        close = conf_at(p, c, d, s->ev.day_end);
		for (int b = 0; b < s->nblocks; b++) {
			if (!(post->blocks & (1u << b)))
				continue;
			int from = s->block_start + b * s->block_len;
			at.starts = conf_at(p, c, d, from);
			at.ends = conf_at(p, c, d, from + s->block_len);
			if (at.booth >= 0 &&
			    !booth_open(p, at.booth, at.starts, at.ends, open, close))
				continue;
			add_shift(p, c->event, role, &at, post->need_min, post->need_max);
		}
		if ((post->blocks & B_SETUP) && d == 0 && s->ev.setup_start < s->block_start) {
			at.starts = conf_at(p, c, d, s->ev.setup_start);
			at.ends = conf_at(p, c, d, s->block_start);
			add_shift(p, c->event, role, &at, post->need_min, post->need_max);
		}
		if ((post->blocks & B_TEARDOWN) && d == s->ev.days - 1) {
			at.starts = close;
			at.ends = conf_at(p, c, d, s->ev.teardown_end);
			add_shift(p, c->event, role, &at, post->need_min, post->need_max);
		}
	}
}

static void post_places(struct plan *p, struct conf *c, const struct post *post)
{
	const struct conf_spec *s = c->s;
	struct shift_at at = {-1, -1, 0, 0, 0, post->where};
	switch (post->at) {
	case AT_NONE:
		for (int k = 0; k < post->count; k++) {
			at.notes = post->count > 1 ? plan_fmt(p, "%s %d", post->where, k + 1)
			                           : post->where;
			post_shifts(p, c, post, at);
		}
		break;
	case AT_PLENARY:
		at.room = c->plenary;
		post_shifts(p, c, post, at);
		break;
	case AT_BREAKOUTS:
	case AT_EXHIBITS: {
		bool breakouts = post->at == AT_BREAKOUTS;
		int n = breakouts ? s->nbreakouts : s->nexhibits;
		for (int k = 0; k < n; k++) {
			at.room = (breakouts ? c->first_breakout : c->first_exhibit) + k;
			post_shifts(p, c, post, at);
		}
		break;
	}
	case AT_BOOTHS:
		for (size_t k = 0; k < c->nbooths; k++) {
			at.booth = c->first_booth + (int32_t)k;
			post_shifts(p, c, post, at);
		}
		break;
	}
}

static void conf_staffing(struct plan *p, struct conf *c)
{
	const struct conf_spec *s = c->s;
	size_t first_role = p->roles.n, first_shift = p->shifts.n;
	for (size_t k = 0; k < s->nposts; k++)
		conf_role(p, c, s->posts[k].role);
	for (size_t k = 0; k < s->nposts; k++)
		post_places(p, c, &s->posts[k]);
	staff_event(p, c->vols, (size_t)s->volunteers, first_role, first_shift);
}

static void build_conference(struct plan *p, const struct conf_spec *s)
{
	struct conf c = {.s = s, .stage = -1, .first_reg = p->regs.n};
	for (int r = 0; r < NCONF_ROLES; r++)
		c.role_of[r] = -1;
	p->area = s->area;
	c.event = add_event(p, &s->ev);
	conf_rooms(p, &c);
	conf_volunteers(p, &c);
	conf_speaker_pool(p, &c);
	conf_program(p, &c);
	conf_booths(p, &c);
	conf_audience(p, &c);
	conf_staffing(p, &c);
	free(c.vols);
	free(c.staff);
	free(c.spk);
}

/* ---- the sets ---------------------------------------------------------------- */

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
static const struct conf_spec forum = {
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

#define LARGE_PEOPLE  100000
#define SUMMIT_ORGS   (NSEED_ORGS)
#define REGIONAL_ORGS (NSEED_ORGS + 205)

/* Thursday-Sunday, ending on the fall-back day (7 November 2027). */
static const struct conf_spec summit = {
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

static const struct {
	const char *name, *tz, *venue, *address, *area;
	int32_t date;
} regionals[] = {
    {"Gulf Coast Regional Forum 2027", "America/Chicago", "Bayfront Civic Center",
     "200 Seawall Drive, Port Alder, TX 77000", "409", 20270417},
    {"Mountain West Regional Forum 2027", "America/Denver", "Foothills Event Center",
     "88 Aspen Way, Granite Falls, CO 80000", "720", 20270515},
    {"Pacific Northwest Regional Forum 2027", "America/Los_Angeles", "Cedar Sound Pavilion",
     "12 Ferry Street, Port Mara, WA 98000", "206", 20270612},
    {"Great Lakes Regional Forum 2027", "America/Detroit", "Northshore Union Hall",
     "450 Lakefront Avenue, Bay Harbor, MI 48000", "313", 20270918},
};

static void build_regional(struct plan *p, size_t i)
{
	struct conf_spec s = forum;
	s.ev.name = regionals[i].name;
	s.ev.tz = regionals[i].tz;
	s.ev.venue = regionals[i].venue;
	s.ev.address = regionals[i].address;
	s.ev.description = "A two-day regional forum: general sessions, breakouts, partner booths.";
	s.ev.first_day = regionals[i].date;
	s.ev.capacity = 4000;
	s.ev.host = REGIONAL_ORGS + (int32_t)i;
	s.area = regionals[i].area;
	s.plenary = "Main Hall";
	s.breakouts = NULL;
	s.nbreakouts = 4;
	s.booths_all = 8;
	s.booths_day = 2;
	s.orgs = NULL;
	s.org_first = REGIONAL_ORGS;
	s.norgs = 35;
	s.volunteers = 300;
	s.vol_speakers = 3;
	s.speakers = 60;
	s.survivors = 1;
	s.press = 10;
	s.attendees = 3000;
	s.reuse = 400;
	build_conference(p, &s);
}

static void add_skills(struct plan *p)
{
	for (size_t i = 0; i < NSKILLS; i++)
		((struct p_skill *)vec_push(&p->skills, sizeof(struct p_skill)))->name =
		    skill_names[i];
}

static void build_small(struct plan *p)
{
	p->area = "312";
	add_seed_orgs(p);
	add_skills(p);
	build_gathering(p);
	build_conference(p, &forum);
}

/* The scale set: the summit, four regional forums, then a people directory
 * (mailing list, past attendees) up to LARGE_PEOPLE. */
static void build_large(struct plan *p)
{
	p->area = "213";
	add_seed_orgs(p);
	add_generated_orgs(p);
	add_skills(p);
	build_conference(p, &summit);
	for (size_t i = 0; i < ARRAY_LEN(regionals); i++)
		build_regional(p, i);
	p->area = "202";
	while (p->people.n < LARGE_PEOPLE) {
		struct who w = {
		    rng_pct(&p->rng, 15) ? (int32_t)rng_below(&p->rng, (unsigned)p->orgs.n) : -1,
		    80,
		    AGE_NONE,
		    0,
		    false,
		    NULL};
		add_person(p, &w);
	}
}

/* ---- rows: the plan in storage form ------------------------------------------ */

#define ROW_MAX 16

struct row {
	size_t n;
	const char *tz; /* the event zone of the row's times */
	const char *cols[ROW_MAX];
	struct db_value v[ROW_MAX];
	char dates[2][12];
	int ndates;
	char uid[37];
};

static void put_int(struct row *r, const char *col, int64_t v)
{
	r->cols[r->n] = col;
	r->v[r->n++] = db_int(v);
}

static void put_text(struct row *r, const char *col, const char *s)
{
	r->cols[r->n] = col;
	r->v[r->n++] = db_text(s);
}

/* A reference to a written row; 0 (no row) is NULL. */
static void put_ref(struct row *r, const char *col, int64_t id)
{
	r->cols[r->n] = col;
	r->v[r->n++] = id ? db_int(id) : db_null();
}

static void put_date(struct row *r, const char *col, int32_t ymd)
{
	char *buf = r->dates[r->ndates++];
	snprintf(buf, sizeof r->dates[0], "%04d-%02d-%02d", (int)(ymd / 10000),
	         (int)(ymd / 100 % 100), (int)(ymd % 100));
	put_text(r, col, ymd ? buf : NULL);
}

static void put_uid(struct row *r)
{
	schedule_new_uid(r->uid);
	put_text(r, "uid", r->uid);
	put_int(r, "sequence", 0);
}

/* The id a plan row got when written (0 for index -1). */
static int64_t id_of(const struct vec *v, size_t size, int32_t i)
{
	return i < 0 ? 0 : *(const int64_t *)(const void *)((const char *)v->a + (size_t)i * size);
}

#define ORG_ID(p, i)     id_of(&(p)->orgs, sizeof(struct p_org), i)
#define PERSON_ID(p, i)  id_of(&(p)->people, sizeof(struct p_person), i)
#define EVENT_ID(p, i)   id_of(&(p)->events, sizeof(struct p_event), i)
#define ROOM_ID(p, i)    id_of(&(p)->rooms, sizeof(struct p_room), i)
#define SESSION_ID(p, i) id_of(&(p)->sessions, sizeof(struct p_session), i)
#define BOOTH_ID(p, i)   id_of(&(p)->booths, sizeof(struct p_booth), i)
#define ROLE_ID(p, i)    id_of(&(p)->roles, sizeof(struct p_role), i)
#define SHIFT_ID(p, i)   id_of(&(p)->shifts, sizeof(struct p_shift), i)
#define SKILL_ID(p, i)   id_of(&(p)->skills, sizeof(struct p_skill), i)

struct emit_ctx {
	const struct plan *p;
	int64_t now;
};

static void emit_org(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_org *o = ORG(x->p, i);
	put_text(r, "name", o->name);
	put_text(r, "sector", o->sector);
	put_text(r, "contact_name", o->contact);
	put_text(r, "email", o->email);
	put_text(r, "phone", o->phone);
	put_text(r, "website", o->website);
	put_text(r, "notes", o->notes);
}

static void emit_skill(const struct emit_ctx *x, size_t i, struct row *r)
{
	put_text(r, "name", AT(x->p->skills, struct p_skill, i)->name);
}

static void emit_person(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_person *h = PERSON(x->p, i);
	put_text(r, "name", h->name);
	put_text(r, "email", h->email);
	put_text(r, "phone", h->phone[0] ? h->phone : NULL);
	put_ref(r, "org", ORG_ID(x->p, h->org));
	put_date(r, "birth_date", h->birth);
	put_int(r, "confidential", h->confidential);
	put_text(r, "volunteer_code", h->code);
	put_text(r, "notes", h->notes);
}

static void emit_person_skill(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_pskill *s = AT(x->p->pskills, struct p_pskill, i);
	put_ref(r, "person", PERSON_ID(x->p, s->person));
	put_ref(r, "skill", SKILL_ID(x->p, s->skill));
	put_date(r, "expires", s->expires);
}

static void emit_event(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_event *ev = EVENT(x->p, i);
	r->tz = ev->tz;
	put_text(r, "name", ev->name);
	put_int(r, "starts", ev->starts);
	put_int(r, "ends", ev->ends);
	put_text(r, "tz", ev->tz);
	put_text(r, "venue", ev->venue);
	put_text(r, "address", ev->address);
	put_text(r, "description", ev->description);
	put_text(r, "status", ev->status);
	put_int(r, "capacity", ev->capacity);
	put_ref(r, "host_org", ORG_ID(x->p, ev->host));
	put_int(r, "setup_starts", ev->setup);
	put_int(r, "teardown_ends", ev->teardown);
	put_uid(r);
}

static void emit_room(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_room *m = ROOM(x->p, i);
	r->tz = EVENT(x->p, m->event)->tz;
	put_ref(r, "event", EVENT_ID(x->p, m->event));
	put_text(r, "name", m->name);
	put_int(r, "capacity", m->capacity);
	put_text(r, "kind", m->kind);
}

static void emit_session(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_session *s = SESSION(x->p, i);
	r->tz = EVENT(x->p, s->event)->tz;
	put_ref(r, "event", EVENT_ID(x->p, s->event));
	put_ref(r, "room", ROOM_ID(x->p, s->room));
	put_text(r, "title", s->title);
	put_text(r, "kind", s->kind);
	put_int(r, "starts", s->starts);
	put_int(r, "ends", s->ends);
	put_int(r, "capacity", s->capacity);
	put_text(r, "description", s->description);
	put_text(r, "status", s->status);
	put_uid(r);
}

static void emit_speaker(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_speaker *s = AT(x->p->speakers, struct p_speaker, i);
	put_ref(r, "session", SESSION_ID(x->p, s->session));
	put_ref(r, "person", PERSON_ID(x->p, s->person));
	put_text(r, "role", s->role);
}

static void emit_booth(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_booth *b = BOOTH(x->p, i);
	r->tz = EVENT(x->p, b->event)->tz;
	put_ref(r, "event", EVENT_ID(x->p, b->event));
	put_ref(r, "org", ORG_ID(x->p, b->org));
	put_text(r, "label", b->label);
	put_ref(r, "room", ROOM_ID(x->p, b->room));
	put_int(r, "starts", b->starts);
	put_int(r, "ends", b->ends);
	put_uid(r);
}

static void emit_registration(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_reg *g = AT(x->p->regs, struct p_reg, i);
	r->tz = EVENT(x->p, g->event)->tz;
	put_ref(r, "event", EVENT_ID(x->p, g->event));
	put_ref(r, "person", PERSON_ID(x->p, g->person));
	put_text(r, "kind", g->kind);
	put_text(r, "status", "registered");
	put_int(r, "created_at", x->now);
}

static void emit_role(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_role *o = ROLE(x->p, i);
	put_ref(r, "event", EVENT_ID(x->p, o->event));
	put_text(r, "name", o->name);
	put_text(r, "description", o->description);
	put_ref(r, "skill", SKILL_ID(x->p, o->skill));
	put_int(r, "min_age", o->min_age);
	put_ref(r, "lead", PERSON_ID(x->p, o->lead));
}

static void emit_shift(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_shift *s = SHIFT(x->p, i);
	r->tz = EVENT(x->p, s->event)->tz;
	put_ref(r, "event", EVENT_ID(x->p, s->event));
	put_ref(r, "role", ROLE_ID(x->p, s->role));
	put_ref(r, "room", ROOM_ID(x->p, s->room));
	put_ref(r, "booth", BOOTH_ID(x->p, s->booth));
	put_int(r, "starts", s->starts);
	put_int(r, "ends", s->ends);
	put_int(r, "need_min", s->need_min);
	put_int(r, "need_max", s->need_max);
	put_text(r, "notes", s->notes);
	put_text(r, "status", "open");
	put_uid(r);
}

static void emit_availability(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_avail *a = AVAIL(x->p, i);
	r->tz = EVENT(x->p, a->event)->tz;
	put_ref(r, "person", PERSON_ID(x->p, a->person));
	put_ref(r, "event", EVENT_ID(x->p, a->event));
	put_int(r, "starts", a->starts);
	put_int(r, "ends", a->ends);
}

static void emit_assignment(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_assign *a = AT(x->p->assigns, struct p_assign, i);
	r->tz = EVENT(x->p, SHIFT(x->p, a->shift)->event)->tz;
	put_ref(r, "shift", SHIFT_ID(x->p, a->shift));
	put_ref(r, "person", PERSON_ID(x->p, a->person));
	put_text(r, "status", a->status);
	put_text(r, "source", "coordinator");
	put_int(r, "created_at", x->now);
}

/* Every entity in write order (referenced rows first), with its plan rows. */
static const struct table_def {
	const char *name;
	size_t rows; /* offsetof the struct vec in struct plan */
	size_t size;
	void (*emit)(const struct emit_ctx *x, size_t i, struct row *r);
} tables[] = {
    {"org", offsetof(struct plan, orgs), sizeof(struct p_org), emit_org},
    {"skill", offsetof(struct plan, skills), sizeof(struct p_skill), emit_skill},
    {"person", offsetof(struct plan, people), sizeof(struct p_person), emit_person},
    {"person_skill", offsetof(struct plan, pskills), sizeof(struct p_pskill), emit_person_skill},
    {"event", offsetof(struct plan, events), sizeof(struct p_event), emit_event},
    {"room", offsetof(struct plan, rooms), sizeof(struct p_room), emit_room},
    {"session", offsetof(struct plan, sessions), sizeof(struct p_session), emit_session},
    {"speaker", offsetof(struct plan, speakers), sizeof(struct p_speaker), emit_speaker},
    {"booth", offsetof(struct plan, booths), sizeof(struct p_booth), emit_booth},
    {"registration", offsetof(struct plan, regs), sizeof(struct p_reg), emit_registration},
    {"role", offsetof(struct plan, roles), sizeof(struct p_role), emit_role},
    {"shift", offsetof(struct plan, shifts), sizeof(struct p_shift), emit_shift},
    {"availability", offsetof(struct plan, avails), sizeof(struct p_avail), emit_availability},
    {"assignment", offsetof(struct plan, assigns), sizeof(struct p_assign), emit_assignment},
};

/* ---- writing: through record_write (small) or bulk inserts (large) ----------- */

struct writer {
	struct ctx *c;
	bool bulk;
	struct demo_insert *ins[ARRAY_LEN(tables)];
};

static int write_bulk(struct writer *w, size_t t, const struct row *r, int64_t *id, struct err *e)
{
	if (!w->ins[t] &&
	    demo_store_insert_prepare(w->c->db, tables[t].name, r->cols, r->n, &w->ins[t], e) < 0)
		return -1;
	return demo_store_insert_row(w->ins[t], r->v, id, e);
}

/* One row as a record, so defaults, uniqueness, the rules and the audit apply. */
static int write_record(struct writer *w, size_t t, const struct row *r, int64_t *id, struct err *e)
{
	struct record rec;
	record_init(&rec, entity_find(tables[t].name));
	for (size_t k = 0; k < r->n; k++) {
		if (r->v[k].kind == DBV_INT)
			record_set_int(&rec, r->cols[k], r->v[k].i);
		else if (r->v[k].kind == DBV_TEXT)
			record_set_text(&rec, r->cols[k], r->v[k].s);
	}
	snprintf(rec.tz, sizeof rec.tz, "%s", r->tz ? r->tz : "");
	int ret = record_write(w->c, &rec, 0, e);
	*id = rec.id;
	record_free(&rec);
	return ret;
}

static int write_plan(struct writer *w, struct plan *p, struct err *e)
{
	struct emit_ctx x = {p, clock_now(w->c->clock)};
	for (size_t t = 0; t < ARRAY_LEN(tables); t++) {
		struct vec *v = (struct vec *)(void *)((char *)p + tables[t].rows);
		for (size_t i = 0; i < v->n; i++) {
			struct row r;
			r.n = 0;
			r.tz = NULL;
			r.ndates = 0;
			tables[t].emit(&x, i, &r);
			int64_t *id = (int64_t *)(void *)((char *)v->a + i * tables[t].size);
			int ret =
			    w->bulk ? write_bulk(w, t, &r, id, e) : write_record(w, t, &r, id, e);
			if (ret < 0) {
				err_prefix(e, "demo: %s %zu", tables[t].name, i + 1);
				return -1;
			}
		}
	}
	return 0;
}

static void writer_free(struct writer *w)
{
	for (size_t t = 0; t < ARRAY_LEN(tables); t++)
		demo_store_insert_free(w->ins[t]);
}

/* ---- demo_fill ------------------------------------------------------------------ */

static void plan_init(struct plan *p, const struct ctx *c, enum demo_size size)
{
	memset(p, 0, sizeof *p);
	p->rng.s = size == DEMO_SMALL ? UINT64_C(0x6d7573746572) : UINT64_C(0x6d757374657221);
	p->rest = (int64_t)(c->cfg ? c->cfg->min_rest_minutes : 30) * 60;
	p->max_day = (int64_t)((c->cfg ? c->cfg->max_hours_per_day : 10.0) * 3600);
}

static void plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->people.n; i++)
		free(PERSON(p, i)->busy);
	struct vec *all[] = {&p->orgs,  &p->skills,   &p->people,   &p->pskills, &p->events,
	                     &p->rooms, &p->sessions, &p->speakers, &p->booths,  &p->regs,
	                     &p->roles, &p->shifts,   &p->avails,   &p->assigns, &p->history};
	for (size_t i = 0; i < ARRAY_LEN(all); i++)
		free(all[i]->a);
	arena_free(&p->text);
	map_free(&p->emails);
	map_free(&p->codes);
}

static int count_of(struct ctx *c, const char *sql, long *n, struct err *e)
{
	struct db_value v;
	if (record_store_value(c->db, sql, NULL, 0, &v, e) < 0)
		return -1;
	*n = v.kind == DBV_INT ? (long)v.i : 0;
	db_value_clear(&v);
	return 0;
}

static const struct {
	const char *sql;
	size_t at; /* offsetof in struct demo_summary */
} counts[] = {
    {"SELECT count(*) FROM event", offsetof(struct demo_summary, events)},
    {"SELECT count(*) FROM org", offsetof(struct demo_summary, orgs)},
    {"SELECT count(*) FROM person", offsetof(struct demo_summary, people)},
    {"SELECT count(*) FROM skill", offsetof(struct demo_summary, skills)},
    {"SELECT count(*) FROM room", offsetof(struct demo_summary, rooms)},
    {"SELECT count(*) FROM session", offsetof(struct demo_summary, sessions)},
    {"SELECT count(*) FROM speaker", offsetof(struct demo_summary, speakers)},
    {"SELECT count(*) FROM booth", offsetof(struct demo_summary, booths)},
    {"SELECT count(*) FROM registration", offsetof(struct demo_summary, registrations)},
    {"SELECT count(*) FROM role", offsetof(struct demo_summary, roles)},
    {"SELECT count(*) FROM shift", offsetof(struct demo_summary, shifts)},
    {"SELECT count(*) FROM assignment", offsetof(struct demo_summary, assignments)},
    {"SELECT count(*) FROM availability", offsetof(struct demo_summary, availabilities)},
};

static int count_rows(struct ctx *c, struct demo_summary *out, struct err *e)
{
	for (size_t i = 0; i < ARRAY_LEN(counts); i++)
		if (count_of(c, counts[i].sql, (long *)(void *)((char *)out + counts[i].at), e) < 0)
			return -1;
	return 0;
}

static const char any_rows_sql[] =
    "SELECT EXISTS (SELECT 1 FROM org) OR EXISTS (SELECT 1 FROM person)"
    " OR EXISTS (SELECT 1 FROM skill) OR EXISTS (SELECT 1 FROM person_skill)"
    " OR EXISTS (SELECT 1 FROM event) OR EXISTS (SELECT 1 FROM room)"
    " OR EXISTS (SELECT 1 FROM session) OR EXISTS (SELECT 1 FROM speaker)"
    " OR EXISTS (SELECT 1 FROM booth) OR EXISTS (SELECT 1 FROM registration)"
    " OR EXISTS (SELECT 1 FROM role) OR EXISTS (SELECT 1 FROM shift)"
    " OR EXISTS (SELECT 1 FROM assignment) OR EXISTS (SELECT 1 FROM availability)";

/* Refuse a database with rows unless force; with force, empty it. */
static int make_room(struct ctx *c, bool force, struct err *e)
{
	long any, events, people;
	if (count_of(c, any_rows_sql, &any, e) < 0)
		return -1;
	if (!any)
		return 0;
	if (force)
		return demo_store_clear(c->db, e);
	if (count_of(c, "SELECT count(*) FROM event", &events, e) < 0 ||
	    count_of(c, "SELECT count(*) FROM person", &people, e) < 0)
		return -1;
	return err_set(e, ERR_REFUSED,
	               "database is not empty (%ld event%s, %ld %s); use --force to replace it",
	               events, events == 1 ? "" : "s", people, people == 1 ? "person" : "people");
}

static int fill(struct ctx *c, enum demo_size size, struct err *e)
{
	struct plan p;
	plan_init(&p, c, size);
	if (size == DEMO_SMALL)
		build_small(&p);
	else
		build_large(&p);
	int ret = 0;
	if (p.failed) {
		if (e)
			*e = p.err;
		err_prefix(e, "demo");
		ret = -1;
	}
	struct writer w = {.c = c, .bulk = size == DEMO_LARGE};
	if (ret == 0)
		ret = write_plan(&w, &p, e);
	writer_free(&w);
	plan_free(&p);
	return ret;
}

int demo_fill(struct ctx *c, enum demo_size size, bool force, struct demo_summary *out,
              struct err *e)
{
	struct demo_summary sum;
	memset(&sum, 0, sizeof sum);
	if (db_begin(c->db, e) < 0)
		return -1;
	int ret = make_room(c, force, e);
	if (ret == 0)
		ret = fill(c, size, e);
	if (ret == 0)
		ret = count_rows(c, &sum, e);
	if (ret == 0)
		ret = audit_log(c, "demo", "demo", 0, e,
		                "demo %s: %ld events, %ld people, %ld sessions, %ld shifts, "
		                "%ld assignments",
		                size == DEMO_SMALL ? "small" : "large", sum.events, sum.people,
		                sum.sessions, sum.shifts, sum.assignments);
	if (ret < 0) {
		db_rollback(c->db);
		return -1;
	}
	if (db_commit(c->db, e) < 0)
		return -1;
	if (out)
		*out = sum;
	return 0;
}
