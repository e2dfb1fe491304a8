import type * as pulumi from "@pulumi/pulumi";
import { ServiceHosts as kind } from "../provider/resources/service-hosts";
import { type CommonArgs, NvrResource } from "./resource";

/** One server's access: `NAME host ...` and `NAME service on|off`. */
export interface ServiceAccessArgs {
  /**
   * Who may connect: "any", "none" or "lan" alone, or interfaces (lan1, lan1/1, wan1, bridge1, vlan1), IPv4 addresses
   * and ranges FIRST-LAST.
   */
  host?: pulumi.Input<pulumi.Input<string>[]>;
  /** Whether the server runs. */
  service?: pulumi.Input<boolean>;
}

export interface ServiceHostsArgs extends CommonArgs {
  /** `sshd host` / `sshd service`: the provider's own way in. */
  sshd?: pulumi.Input<ServiceAccessArgs>;
  /** `telnetd host` / `telnetd service`. */
  telnetd?: pulumi.Input<ServiceAccessArgs>;
  /** `httpd host` / `httpd service`: the web GUI. */
  httpd?: pulumi.Input<ServiceAccessArgs>;
  /** `sftpd host` (sftpd has no switch of its own). */
  sftpd?: pulumi.Input<{ host?: pulumi.Input<pulumi.Input<string>[]> }>;
}

/**
 * Who may reach the router's SSH, TELNET, web and SFTP servers (one per router). A change is applied
 * commit-confirmed: the router is told to restart into its saved config unless a fresh login verifies the change,
 * so a list that shuts the provider out undoes itself. Create takes over the lines; delete writes them back.
 */
export class ServiceHosts extends NvrResource {
  constructor(name: string, args: ServiceHostsArgs, opts?: pulumi.CustomResourceOptions) {
    super(kind, name, { ...args }, opts);
  }
}
