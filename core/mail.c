/* mail.c - iMIP messages built with GMime 3, and the address checks that use
 * its parser. The only file of muster that includes GMime. See mail.h. */
#include "mail.h"

#include <gmime/gmime.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* GMime keeps global tables (charsets, the parser's options): made once per
 * process, on the first use. */
static void mail_init(void)
{
	static bool done;
	if (!done) {
		g_mime_init();
		done = true;
	}
}

/* A text part holding exactly the UTF-8 bytes of text (set_text would pick a
 * narrower charset of its own). */
static GMimeTextPart *text_part(const char *subtype, const char *text)
{
	GMimeTextPart *part = g_mime_text_part_new_with_subtype(subtype);
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(text, strlen(text));
	GMimeDataWrapper *w =
	    g_mime_data_wrapper_new_with_stream(s, GMIME_CONTENT_ENCODING_DEFAULT);
	g_mime_part_set_content(GMIME_PART(part), w);
	g_object_unref(w);
	g_object_unref(s);
	g_mime_text_part_set_charset(part, "UTF-8");
	return part;
}

static GMimePart *attachment(const char *name, const char *text)
{
	GMimePart *part = g_mime_part_new_with_type("application", "ics");
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(text, strlen(text));
	GMimeDataWrapper *w =
	    g_mime_data_wrapper_new_with_stream(s, GMIME_CONTENT_ENCODING_DEFAULT);
	g_mime_part_set_content(part, w);
	g_object_unref(w);
	g_object_unref(s);
	g_mime_object_set_disposition(GMIME_OBJECT(part), GMIME_DISPOSITION_ATTACHMENT);
	g_mime_part_set_filename(part, name);
	g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
	return part;
}

/* The METHOD property of the calendar's text, as written by libical. */
static bool method_inside(const char *calendar, const char *method)
{
	char line[32];
	snprintf(line, sizeof line, "\nMETHOD:%s\r\n", method);
	return strstr(calendar, line) != NULL;
}

/* text/plain and text/calendar; method=M, alternatives of each other. */
static GMimeMultipart *alternatives(const struct mail_parts *p)
{
	GMimeMultipart *alt = g_mime_multipart_new_with_subtype("alternative");
	GMimeTextPart *plain = text_part("plain", p->body);
	GMimeTextPart *cal = text_part("calendar", p->calendar);
	g_mime_object_set_content_type_parameter(GMIME_OBJECT(cal), "method", p->method);
	/* the object's bytes exactly: CRLF lines folded at 75 octets, UTF-8 */
	g_mime_part_set_content_encoding(GMIME_PART(cal), GMIME_CONTENT_ENCODING_BASE64);
	g_mime_multipart_add(alt, GMIME_OBJECT(plain));
	g_mime_multipart_add(alt, GMIME_OBJECT(cal));
	g_object_unref(plain);
	g_object_unref(cal);
	return alt;
}

/* A mailbox whose name the library encodes as UTF-8 (RFC 2047). */
static void add_mailbox(GMimeMessage *m, GMimeAddressType type, const char *name, const char *addr)
{
	InternetAddress *ia = internet_address_mailbox_new(name ? name : "", addr);
	internet_address_set_charset(ia, "UTF-8");
	internet_address_list_add(g_mime_message_get_addresses(m, type), ia);
	g_object_unref(ia);
}

static void headers(GMimeMessage *m, const struct mail_parts *p)
{
	add_mailbox(m, GMIME_ADDRESS_TYPE_FROM, p->from_name, p->from_addr);
	add_mailbox(m, GMIME_ADDRESS_TYPE_TO, p->to_name, p->to_addr);
	g_mime_message_set_subject(m, p->subject, "UTF-8");
	GDateTime *d = g_date_time_new_from_unix_utc(p->date);
	g_mime_message_set_date(m, d);
	g_date_time_unref(d);
	g_mime_message_set_message_id(m, p->message_id);
}

int mail_message(const struct mail_parts *p, char **out, struct err *e)
{
	*out = NULL;
	if (!method_inside(p->calendar, p->method))
		return err_set(e, ERR_INPUT, "the calendar's METHOD is not %s", p->method);
	if (mail_address_check(p->to_addr, e) < 0 || mail_address_check(p->from_addr, e) < 0)
		return -1;
	mail_init();
	GMimeMessage *m = g_mime_message_new(TRUE);
	headers(m, p);
	GMimeMultipart *mixed = g_mime_multipart_new_with_subtype("mixed");
	GMimeMultipart *alt = alternatives(p);
	GMimePart *att = attachment(p->attachment, p->calendar);
	g_mime_multipart_add(mixed, GMIME_OBJECT(alt));
	g_mime_multipart_add(mixed, GMIME_OBJECT(att));
	g_object_unref(alt);
	g_object_unref(att);
	g_mime_message_set_mime_part(m, GMIME_OBJECT(mixed));
	g_object_unref(mixed);
	/* 7-bit on the wire: quoted-printable or base64, as the library picks */
	g_mime_object_encode(GMIME_OBJECT(m), GMIME_ENCODING_CONSTRAINT_7BIT);
	char *text = g_mime_object_to_string(GMIME_OBJECT(m), NULL);
	g_object_unref(m);
	*out = xstrdup(text);
	g_free(text);
	return 0;
}

int mail_address_check(const char *addr, struct err *e)
{
	if (!addr || !addr[0])
		return err_set(e, ERR_INPUT, "no address");
	mail_init();
	InternetAddressList *l = internet_address_list_parse(NULL, addr);
	int n = l ? internet_address_list_length(l) : 0;
	InternetAddress *a = n == 1 ? internet_address_list_get_address(l, 0) : NULL;
	const char *got = a && INTERNET_ADDRESS_IS_MAILBOX(a)
	                      ? internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a))
	                      : NULL;
	const char *at = got ? strchr(got, '@') : NULL;
	bool ok = got && strcmp(got, addr) == 0 && at && at > got && at[1];
	if (l)
		g_object_unref(l);
	if (ok)
		return 0;
	if (n > 1)
		return err_set(e, ERR_INPUT, "\"%s\" holds %d addresses, not one", addr, n);
	return err_set(e, ERR_INPUT, "\"%s\" is not an address the mail library accepts", addr);
}

int mail_from_parse(const char *from, char *name, size_t nname, char *addr, size_t naddr,
                    struct err *e)
{
	mail_init();
	InternetAddressList *l = internet_address_list_parse(NULL, from);
	int n = l ? internet_address_list_length(l) : 0;
	InternetAddress *a = n == 1 ? internet_address_list_get_address(l, 0) : NULL;
	int ret = 0;
	if (!a || !INTERNET_ADDRESS_IS_MAILBOX(a)) {
		ret =
		    err_set(e, ERR_CONFIG, "\"%s\" is not one mailbox (\"Name <address>\")", from);
	} else {
		const char *nm = internet_address_get_name(a);
		snprintf(name, nname, "%s", nm ? nm : "");
		snprintf(addr, naddr, "%s",
		         internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)));
		if (mail_address_check(addr, NULL) < 0)
			ret = err_set(e, ERR_CONFIG,
			              "\"%s\" is not an address the mail library accepts", addr);
	}
	if (l)
		g_object_unref(l);
	return ret;
}

char *mail_message_id(const char *addr)
{
	mail_init();
	const char *at = addr ? strchr(addr, '@') : NULL;
	char *id = g_mime_utils_generate_message_id(at && at[1] ? at + 1 : "localhost");
	char *out = xstrdup(id);
	g_free(id);
	return out;
}
