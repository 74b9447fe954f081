-- The other move of a twin lift (two 20' containers lifted by one crane cycle), null for a single lift.
alter table work_instructions add column twin_with text;
