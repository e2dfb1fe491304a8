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

export const storage: Family = {
  specs: [
    command("usbhost use", ON_OFF, at(0), usb),
    command("usbhost overcurrent duration", "<int:5-100>", at(1), usb),
    command("sd use", ON_OFF, at(2), sd),
    command("external-memory cache mode", "<int:1-2>", at(3), usbOrSd),
    command(
      "external-memory statistics filename prefix",
      "<word> [crypto <word>] {max-filenum=<int:1-1000> interval=<int:1-1440>}",
      at(4),
      usbOrSd,
    ),
    command(
      "external-memory syslog filename",
      "<word> [crypto <word>] {limit=<int:1-10000> backup=<int:0-100> interval=<int:1-86400> line=<int:1-1000000>}",
      at(5),
      usbOrSd,
    ),
    command("operation external-memory download permit", ON_OFF, at(6), usbOrSd),
    command("external-memory boot permit", ON_OFF, at(7), usbOrSd),
    command("external-memory boot timeout", "<int:0-600>", at(8), usbOrSd),
    command("external-memory exec filename", "( off | <word> [<int:0-1>] )", at(9), usbOrSd),
    command("external-memory config filename", "( off | <word> [<int:0-4>] [<word>] )", at(10), usbOrSd),
    command("external-memory auto-search time", "<int:1-600>", at(11), usbOrSd),
    command("external-memory batch filename", "<word> [<word>]", at(12), usbOrSd),
    command("operation execute batch permit", ON_OFF, at(13), usbOrSd),
    command("operation button function", "<word> [<word>...]", at(14), { key: "download|func" }),
    // §42.17: where the DPI signatures are kept (up to 99 characters).
    command("external-memory dpi signature directory", "<text:99>", at(15), usbOrSd),
  ],
};
