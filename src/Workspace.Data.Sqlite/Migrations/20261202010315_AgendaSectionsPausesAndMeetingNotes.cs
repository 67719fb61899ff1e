using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AgendaSectionsPausesAndMeetingNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Meetings",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ApprovesMinutes",
                table: "AgendaTemplateItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Layout",
                table: "AgendaTemplateItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ApprovesMinutesOfMeetingId",
                table: "AgendaItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Layout",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Placement",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_ApprovesMinutesOfMeetingId",
                table: "AgendaItems",
                column: "ApprovesMinutesOfMeetingId");

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaItems_Meetings_ApprovesMinutesOfMeetingId",
                table: "AgendaItems",
                column: "ApprovesMinutesOfMeetingId",
                principalTable: "Meetings",
                principalColumn: "Id");

            // The standard "godkendelse af referat" of existing templates links the minutes it approves from now on.
            migrationBuilder.Sql("""
                UPDATE "AgendaTemplateItems" SET "ApprovesMinutes" = 1 WHERE "Title" = 'Godkendelse af referat fra sidste møde'
                """);

            // Planned meetings remember their end items (næste møde, eventuelt), so that new items go before them.
            migrationBuilder.Sql("""
                UPDATE "AgendaItems" SET "Placement" = 2
                WHERE "ParentId" IS NULL
                  AND EXISTS (SELECT 1 FROM "Meetings" m JOIN "AgendaTemplateItems" t ON t."CouncilId" = m."CouncilId"
                              WHERE m."Id" = "AgendaItems"."MeetingId" AND m."Status" IN (0, 1) AND t."AtEnd" = 1 AND t."Title" = "AgendaItems"."Title")
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgendaItems_Meetings_ApprovesMinutesOfMeetingId",
                table: "AgendaItems");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItems_ApprovesMinutesOfMeetingId",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ApprovesMinutes",
                table: "AgendaTemplateItems");

            migrationBuilder.DropColumn(
                name: "Layout",
                table: "AgendaTemplateItems");

            migrationBuilder.DropColumn(
                name: "ApprovesMinutesOfMeetingId",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "Layout",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "Placement",
                table: "AgendaItems");
        }
    }
}
