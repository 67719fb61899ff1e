using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workspace.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MeetingRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CurrentItemId",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CurrentItemSince",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EndedAt",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StartedAt",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ArrivedAt",
                table: "Attendances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Attendances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LeftAt",
                table: "Attendances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TimerExtraMinutes",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "TimerStartedAt",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TimerUsedSeconds",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CurrentItemId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CurrentItemSince",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "StartedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ArrivedAt",
                table: "Attendances");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Attendances");

            migrationBuilder.DropColumn(
                name: "LeftAt",
                table: "Attendances");

            migrationBuilder.DropColumn(
                name: "TimerExtraMinutes",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "TimerStartedAt",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "TimerUsedSeconds",
                table: "AgendaItems");
        }
    }
}
