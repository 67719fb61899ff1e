using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MinutesApprovalByMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ApprovalByMembers",
                table: "MeetingMinutes",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "MinutesApprovals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingMinutesId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PersonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinutesApprovals_MeetingMinutes_MeetingMinutesId",
                        column: x => x.MeetingMinutesId,
                        principalTable: "MeetingMinutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MinutesApprovals_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MinutesApprovals_MeetingMinutesId_PersonId",
                table: "MinutesApprovals",
                columns: new[] { "MeetingMinutesId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MinutesApprovals_PersonId",
                table: "MinutesApprovals",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MinutesApprovals");

            migrationBuilder.DropColumn(
                name: "ApprovalByMembers",
                table: "MeetingMinutes");
        }
    }
}
