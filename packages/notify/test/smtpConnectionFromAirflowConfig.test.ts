import { hasErrorCode } from "@updraft/sdk";
import { smtpConnectionFromAirflowConfig } from "../src/transports/smtpConnectionFromAirflowConfig";

describe("smtpConnectionFromAirflowConfig", () => {
  test("is null without AIRFLOW__SMTP__SMTP_HOST", () => {
    expect(smtpConnectionFromAirflowConfig({})).toBeNull();
    expect(smtpConnectionFromAirflowConfig({ AIRFLOW__SMTP__SMTP_HOST: " " })).toBeNull();
    expect(smtpConnectionFromAirflowConfig({ AIRFLOW__SMTP__SMTP_USER: "bot" })).toBeNull();
  });

  test("applies Airflow's [smtp] defaults: port 25, STARTTLS, no SSL, 30 s", () => {
    const connection = smtpConnectionFromAirflowConfig({
      AIRFLOW__SMTP__SMTP_HOST: "mail.example.com",
    });
    expect(connection?.toJSON()).toEqual({
      conn_id: "smtp_default",
      conn_type: "smtp",
      host: "mail.example.com",
      login: null,
      schema: null,
      port: 25,
      password: null,
      description: null,
    });
    expect(connection?.extra_dejson).toEqual({
      disable_ssl: true,
      disable_tls: false,
      timeout: 30,
    });
  });

  test("maps every [smtp] setting onto the connection and its extras", () => {
    const connection = smtpConnectionFromAirflowConfig({
      AIRFLOW__SMTP__SMTP_HOST: "smtp.sendgrid.net",
      AIRFLOW__SMTP__SMTP_PORT: "465",
      AIRFLOW__SMTP__SMTP_USER: "apikey",
      AIRFLOW__SMTP__SMTP_PASSWORD: " s3cret ",
      AIRFLOW__SMTP__SMTP_STARTTLS: "False",
      AIRFLOW__SMTP__SMTP_SSL: "True",
      AIRFLOW__SMTP__SMTP_MAIL_FROM: "airflow@example.com",
      AIRFLOW__SMTP__SMTP_TIMEOUT: "10",
    });
    expect(connection).toMatchObject({
      host: "smtp.sendgrid.net",
      port: 465,
      login: "apikey",
      password: " s3cret ",
    });
    expect(connection?.extra_dejson).toEqual({
      disable_ssl: false,
      disable_tls: true,
      timeout: 10,
      from_email: "airflow@example.com",
    });
  });

  test.each([
    ["t", false],
    ["1", false],
    ["TRUE", false],
    ["f", true],
    ["0", true],
    ["false", true],
  ])("reads SMTP_STARTTLS=%p as Airflow's getboolean does (disable_tls %p)", (value, disabled) => {
    const connection = smtpConnectionFromAirflowConfig({
      AIRFLOW__SMTP__SMTP_HOST: "mail.example.com",
      AIRFLOW__SMTP__SMTP_STARTTLS: value,
    });
    expect(connection?.extra_dejson["disable_tls"]).toBe(disabled);
  });

  test.each([
    [
      "AIRFLOW__SMTP__SMTP_PORT",
      "smtp",
      'AIRFLOW__SMTP__SMTP_PORT: expected a port number 1-65535, got "smtp"',
    ],
    [
      "AIRFLOW__SMTP__SMTP_PORT",
      "70000",
      'AIRFLOW__SMTP__SMTP_PORT: expected a port number 1-65535, got "70000"',
    ],
    [
      "AIRFLOW__SMTP__SMTP_SSL",
      "yes",
      'AIRFLOW__SMTP__SMTP_SSL: expected True or False, got "yes"',
    ],
    [
      "AIRFLOW__SMTP__SMTP_TIMEOUT",
      "0",
      'AIRFLOW__SMTP__SMTP_TIMEOUT: expected a whole number of seconds >= 1, got "0"',
    ],
  ])("rejects %s=%p naming the variable", (key, value, message) => {
    let thrown: unknown;
    try {
      smtpConnectionFromAirflowConfig({
        AIRFLOW__SMTP__SMTP_HOST: "mail.example.com",
        [key]: value,
      });
    } catch (error) {
      thrown = error;
    }
    expect(hasErrorCode(thrown, "INVALID_NOTIFY_CONFIG")).toBe(true);
    expect((thrown as Error).message).toBe(message);
  });
});
