using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AgendaAndAttendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarToken",
                table: "People",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CalendarSequence",
                table: "Meetings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "Meetings",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "Meetings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "MinuteTakerId",
                table: "Meetings",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishedAt",
                table: "Meetings",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConsecutiveAbsenceLimit",
                table: "Councils",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PostponedFromItemId",
                table: "AgendaItems",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PostponedToMeetingId",
                table: "AgendaItems",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PresenterPersonId",
                table: "AgendaItems",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusNote",
                table: "AgendaItems",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "AgendaItems",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgendaTemplateItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CouncilId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    AllottedMinutes = table.Column<int>(type: "int", nullable: true),
                    AtEnd = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaTemplateItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaTemplateItems_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UploadedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attachments_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Attendances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    GuestName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Role = table.Column<int>(type: "int", nullable: false),
                    Response = table.Column<int>(type: "int", nullable: false),
                    ResponseNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Presence = table.Column<int>(type: "int", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attendances_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Attendances_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ItemLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemLinks_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubstituteCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubstituteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ForMemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubstituteCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubstituteCalls_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SubstituteCalls_People_ForMemberId",
                        column: x => x.ForMemberId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubstituteCalls_People_SubstituteId",
                        column: x => x.SubstituteId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_CalendarToken",
                table: "People",
                column: "CalendarToken",
                unique: true,
                filter: "[CalendarToken] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_MinuteTakerId",
                table: "Meetings",
                column: "MinuteTakerId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaTemplateItems_CouncilId_Number",
                table: "AgendaTemplateItems",
                columns: new[] { "CouncilId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_AgendaItemId",
                table: "Attachments",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_MeetingId_PersonId",
                table: "Attendances",
                columns: new[] { "MeetingId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_PersonId",
                table: "Attendances",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemLinks_AgendaItemId",
                table: "ItemLinks",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SubstituteCalls_ForMemberId",
                table: "SubstituteCalls",
                column: "ForMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_SubstituteCalls_MeetingId_Status",
                table: "SubstituteCalls",
                columns: new[] { "MeetingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SubstituteCalls_SubstituteId",
                table: "SubstituteCalls",
                column: "SubstituteId");

            migrationBuilder.AddForeignKey(
                name: "FK_Meetings_People_MinuteTakerId",
                table: "Meetings",
                column: "MinuteTakerId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Meetings_People_MinuteTakerId",
                table: "Meetings");

            migrationBuilder.DropTable(
                name: "AgendaTemplateItems");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "Attendances");

            migrationBuilder.DropTable(
                name: "ItemLinks");

            migrationBuilder.DropTable(
                name: "SubstituteCalls");

            migrationBuilder.DropIndex(
                name: "IX_People_CalendarToken",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_MinuteTakerId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CalendarToken",
                table: "People");

            migrationBuilder.DropColumn(
                name: "CalendarSequence",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "MinuteTakerId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ConsecutiveAbsenceLimit",
                table: "Councils");

            migrationBuilder.DropColumn(
                name: "PostponedFromItemId",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "PostponedToMeetingId",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "PresenterPersonId",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "StatusNote",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "AgendaItems");
        }
    }
}
