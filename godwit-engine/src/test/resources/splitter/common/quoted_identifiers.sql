CREATE TABLE "semi;colon" ("a;b" INTEGER, "say ""hi"";" TEXT, "--not" INTEGER, "/*no*/" INTEGER);
INSERT INTO "semi;colon" ("a;b", "say ""hi"";") VALUES (1, 'x');
SELECT "a;b", "--not", "/*no*/", "'" FROM (SELECT 1 AS "'", * FROM "semi;colon") AS "q;"
