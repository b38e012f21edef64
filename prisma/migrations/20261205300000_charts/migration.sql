-- A month's report may be submitted once the month has ended; a network may open submission up to
-- this many days before the month's end (0 to 27). Drafts may be saved at any time.
ALTER TABLE "Network" ADD COLUMN "reportGraceDays" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Network" ADD CONSTRAINT "Network_reportGraceDays_check" CHECK ("reportGraceDays" >= 0 AND "reportGraceDays" <= 27);
