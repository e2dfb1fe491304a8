/** Mail notification (CR ch. 32): SMTP/POP servers, templates and notification triggers. */
import { SECTION } from "../order";
import { command, type Family, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.MAIL, item);
const ID = "<int:1-10>";

export const mail: Family = {
  specs: [
    command("mail server name", "<text:64>", at(0), { key: ID }),
    command(
      "mail server smtp",
      "<host> [port=<int:1-65535>] [smtp-auth <text:64> <text:64> [cram-md5|digest-md5|plain]] [pop-before-smtp] [smtps]",
      at(1),
      { key: ID },
    ),
    command("mail server pop", "<host> [port=<int:1-65535>] pop3|apop <text:64> <text:64>", at(2), {
      key: ID,
    }),
    command("mail server timeout", "<int:1-600>", at(3), { key: ID }),
    // §32.5: headers such as `From:a@b To:c@d Subject:...` after the server ID.
    command("mail template", "<int:1-10> <word>...", at(4), { key: ID }),
    command("mail notify", "<int:1-10> trigger <word>...", at(5), { key: ID }),
  ],
};
