# smtp_sink.py - a real SMTP server on loopback for the mail tests: Python's
# aiosmtpd (Debian's python3-aiosmtpd, /usr/bin/python3) on 127.0.0.1 and a
# port the kernel picks, written to PORTFILE once it listens. Every message
# it accepts goes into the Maildir DIR, and one line per message into
# DIR/envelopes.tsv: the envelope sender, the recipients (comma-separated)
# and the file's name. Runs until it is sent SIGTERM. With PORT, it listens
# there (a server started again where it was).
#   /usr/bin/python3 smtp_sink.py DIR PORTFILE [PORT]
import asyncio
import mailbox
import os
import signal
import sys

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, folder):
        self.box = mailbox.Maildir(folder, create=True)
        self.log = os.path.join(folder, "envelopes.tsv")

    async def handle_DATA(self, server, session, envelope):
        key = self.box.add(envelope.original_content or envelope.content)
        with open(self.log, "a") as f:
            f.write("%s\t%s\t%s\n" % (envelope.mail_from, ",".join(envelope.rcpt_tos), key))
        return "250 OK queued as " + key


async def main(folder, portfile, port):
    loop = asyncio.get_running_loop()
    sink = Sink(folder)
    server = await loop.create_server(
        lambda: SMTP(sink, hostname="sink.test", enable_SMTPUTF8=True), "127.0.0.1", port)
    port = server.sockets[0].getsockname()[1]
    tmp = portfile + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.rename(tmp, portfile)
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, stop.set_result, None)
    await stop
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0))
