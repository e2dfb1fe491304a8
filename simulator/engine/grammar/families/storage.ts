/** USB host, microSD and external memory (CR ch. 36, 42): switches, boot/config/exec files, statistics and syslog
 * files, operation buttons. Only on models with a USB port or an SD slot. */
import { SECTION } from "../order";
import { command, type Family, hasFeature, inSection } from "../spec";

const at = (item: number): ReturnType<typeof inSection> => inSection(SECTION.OTHER, 30 + item);
const ON_OFF = "on|off";
const usb = { exists: (m: Parameters<typeof hasFeature>[0]) => hasFeature(m, "usb") };
const sd = { exists: (m: Parameters<typeof hasFeature>[0]) => hasFeature(m, "sd") };
const usbOrSd = {
  exists: (m: Parameters<typeof hasFeature>[0]) => hasFeature(m, "usb") || hasFeature(m, "sd"),
};

const CRYPTO = "[crypto aes128|aes256 <secret:text:8-32>]";

export const storage: Family = {
  specs: [
    command("usbhost use", ON_OFF, at(0), usb),
    command("usbhost overcurrent duration", "<int:5-100>", at(1), usb),
    command("sd use", ON_OFF, at(2), sd),
    command("external-memory cache mode", "<int:1-2>", at(3), usbOrSd),
    command(
      "external-memory statistics filename prefix",
      // §42.4: the prefix is letters and digits, at most 15 after the device.
      `<memory-file:prefix> ${CRYPTO} {max-filenum=infinity/<int:100-2147483647> interval=<int:1-1440>}`,
      at(4),
      usbOrSd,
    ),
    command(
      "external-memory syslog filename",
      // §42.5: the line count up to the model's log capacity (not checked [U]).
      `<memory-file> ${CRYPTO} {limit=<int:1-1024> backup=<int:1-100> interval=<int:2-86400> line=<int:1000-2147483647>}`,
      at(5),
      usbOrSd,
    ),
    command("operation external-memory download permit", ON_OFF, at(6), usbOrSd),
    command("external-memory boot permit", ON_OFF, at(7), usbOrSd),
    command("external-memory boot timeout", "<int:0-600>", at(8), usbOrSd),
    // §42.9-42.10: files on `usb1:`, `sd1:` or `*:` (either); two config files joined by a comma; the password 8..32.
    command("external-memory exec filename", "( off | <memory-file> [<int:0-1>] )", at(9), usbOrSd),
    command(
      "external-memory config filename",
      "( off | <memory-file:2> [<int:0-4>] [<secret:text:8-32>] )",
      at(10),
      usbOrSd,
    ),
    command("external-memory auto-search time", "<int:1-600>", at(11), usbOrSd),
    // §42.13.
    command("external-memory batch filename", "<memory-file> [<memory-file>]", at(12), usbOrSd),
    command("operation execute batch permit", ON_OFF, at(13), usbOrSd),
    // §42.15, §42.18: the function, then for Lua a script file and its arguments (free words).
    command(
      "operation button function",
      "( http revision-up | execute batch | mobile signal-strength | execute lua [<path> [<text:255>...]] )",
      at(14),
      { key: "download|func" },
    ),
    // §42.17: where the DPI signatures are kept (up to 99 characters).
    command("external-memory dpi signature directory", "<path:99>", at(15), usbOrSd),
  ],
};
