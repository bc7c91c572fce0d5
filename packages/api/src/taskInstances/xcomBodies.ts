// The bodies of POST …/xcomEntries (Airflow's XComCreateBody: key, value, map_index) and PATCH
// …/xcomEntries/{xcom_key} (XComUpdateBody: value, map_index), strict. The value is any JSON
// value, null included; map_index defaults to -1 (not mapped) and is -1 or a map index. Unlike
// Airflow, an empty key is refused: no path could address it afterwards.
import { z } from "zod";
import { intField, stringField } from "../config/bodyFields";

const OBJECT_ERROR = "Input should be a valid dictionary or object to extract fields from";

const value = z.json({ error: "Input should be a valid JSON value" });
const mapIndex = intField(-1).default(-1);

/** XComCreateBody. */
export const xcomCreateBody = z
  .object(
    { key: stringField({ minLength: 1 }), value, map_index: mapIndex },
    { error: OBJECT_ERROR },
  )
  .strict();

/** XComUpdateBody. */
export const xcomUpdateBody = z
  .object({ value, map_index: mapIndex }, { error: OBJECT_ERROR })
  .strict();
